/**
 * Every element WPML defines (template-kml.md, waylines-wpml.md, common-element.md, official-en v1.11 and
 * official-cn-latest), with its type and documented range. The validator walks the whole tree with this
 * table: an element not in it is an error naming the element and line.
 */

export type ElementType = 'struct' | 'int' | 'float' | 'bool' | 'text' | 'enum' | 'coordinates';

export interface ElementSpec {
  readonly type: ElementType;
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** `min` itself is not allowed: "(0, max]". */
  readonly minExclusive?: boolean;
}

const S: ElementSpec = { type: 'struct' };
const T: ElementSpec = { type: 'text' };
const B: ElementSpec = { type: 'bool' };
const F: ElementSpec = { type: 'float' };
const I: ElementSpec = { type: 'int' };
const ID: ElementSpec = { type: 'int', min: 0, max: 65535 };
const POS: ElementSpec = { type: 'float', min: 0, minExclusive: true };
const PCT: ElementSpec = { type: 'int', min: 0, max: 100 };
const ANGLE180: ElementSpec = { type: 'float', min: -180, max: 180 };
const e = (...values: string[]): ElementSpec => ({ type: 'enum', values });

export const ENUMS = {
  flyToWaylineMode: ['safely', 'pointToPoint'],
  finishAction: ['goHome', 'noAction', 'autoLand', 'gotoFirstWaypoint'],
  exitOnRCLost: ['goContinue', 'executeLostAction'],
  executeRCLostAction: ['goBack', 'landing', 'hover'],
  templateType: ['waypoint', 'mapping2d', 'mapping3d', 'mappingStrip'],
  heightMode: ['EGM96', 'relativeToStartPoint', 'aboveGroundLevel', 'realTimeFollowSurface'],
  executeHeightMode: ['WGS84', 'relativeToStartPoint', 'realTimeFollowSurface'],
  waypointHeadingMode: ['followWayline', 'manually', 'fixed', 'smoothTransition', 'towardPOI'],
  waypointHeadingPathMode: ['clockwise', 'counterClockwise', 'followBadArc'],
  waypointTurnMode: ['coordinateTurn', 'toPointAndStopWithDiscontinuityCurvature', 'toPointAndStopWithContinuityCurvature', 'toPointAndPassWithContinuityCurvature'],
  gimbalPitchMode: ['manual', 'usePointSetting', 'fixed'],
  actionTriggerType: ['reachPoint', 'betweenAdjacentPoints', 'multipleTiming', 'multipleDistance'],
  actionActuatorFunc: [
    'takePhoto', 'startRecord', 'stopRecord', 'focus', 'zoom', 'customDirName', 'gimbalRotate', 'rotateYaw', 'hover',
    'gimbalEvenlyRotate', 'accurateShoot', 'orientedShoot', 'panoShot', 'recordPointCloud', 'megaphone', 'searchlight',
  ],
} as const;

export const ELEMENTS: Readonly<Record<string, ElementSpec>> = {
  // KML structure
  kml: S, Document: S, Folder: S, Placemark: S, Point: S, Polygon: S, outerBoundaryIs: S, innerBoundaryIs: S, LinearRing: S, LineString: S,
  coordinates: { type: 'coordinates' },
  name: T, description: T,
  // creation information
  'wpml:author': T, 'wpml:createTime': I, 'wpml:updateTime': I,
  // missionConfig
  'wpml:missionConfig': S,
  'wpml:flyToWaylineMode': e(...ENUMS.flyToWaylineMode),
  'wpml:finishAction': e(...ENUMS.finishAction),
  'wpml:exitOnRCLost': e(...ENUMS.exitOnRCLost),
  'wpml:executeRCLostAction': e(...ENUMS.executeRCLostAction),
  // RC [1.2, 1500], dock [8, 1500] (template-kml.md); the dock bound is checked when a task is sent.
  'wpml:takeOffSecurityHeight': { type: 'float', min: 1.2, max: 1500 },
  'wpml:takeOffRefPoint': T,
  'wpml:takeOffRefPointAGLHeight': F,
  // en: [0,15]; cn-latest: [1,15]. Zero cannot fly, so (0, 15].
  'wpml:globalTransitionalSpeed': { type: 'float', min: 0, max: 15, minExclusive: true },
  'wpml:globalRTHHeight': { type: 'float', min: 2, max: 1500 },
  'wpml:droneInfo': S, 'wpml:droneEnumValue': I, 'wpml:droneSubEnumValue': I,
  'wpml:payloadInfo': S, 'wpml:payloadEnumValue': I, 'wpml:payloadSubEnumValue': I,
  'wpml:payloadPositionIndex': { type: 'int', min: 0, max: 2 },
  'wpml:autoRerouteInfo': S, 'wpml:missionAutoRerouteMode': B, 'wpml:transitionalAutoRerouteMode': B,
  // Folder (template / wayline)
  'wpml:templateType': e(...ENUMS.templateType),
  'wpml:templateId': ID, 'wpml:waylineId': ID,
  'wpml:autoFlightSpeed': POS,
  'wpml:executeHeightMode': e(...ENUMS.executeHeightMode),
  'wpml:waylineCoordinateSysParam': S,
  'wpml:coordinateMode': e('WGS84'),
  'wpml:heightMode': e(...ENUMS.heightMode),
  'wpml:positioningType': e('GPS', 'RTKBaseStation', 'QianXun', 'Custom'),
  'wpml:globalShootHeight': F, 'wpml:surfaceFollowModeEnable': B, 'wpml:surfaceRelativeHeight': F,
  'wpml:globalHeight': F,
  'wpml:gimbalPitchMode': e(...ENUMS.gimbalPitchMode),
  'wpml:globalWaypointHeadingParam': S,
  'wpml:globalWaypointTurnMode': e(...ENUMS.waypointTurnMode),
  'wpml:globalUseStraightLine': B,
  'wpml:payloadParam': S,
  'wpml:focusMode': e('firstPoint', 'custom'), 'wpml:meteringMode': e('average', 'spot'), 'wpml:dewarpingEnable': B,
  'wpml:returnMode': e('singleReturnStrongest', 'dualReturn', 'tripleReturn'), 'wpml:samplingRate': I,
  'wpml:scanningMode': e('repetitive', 'nonRepetitive'), 'wpml:modelColoringEnable': B, 'wpml:imageFormat': T,
  // mapping / oblique / strip templates
  'wpml:caliFlightEnable': B, 'wpml:elevationOptimizeEnable': B, 'wpml:smartObliqueEnable': B, 'wpml:smartObliqueGimbalPitch': I,
  'wpml:shootType': e('time', 'distance'), 'wpml:direction': { type: 'float', min: 0, max: 360 }, 'wpml:margin': F,
  'wpml:overlap': S, 'wpml:orthoLidarOverlapH': PCT, 'wpml:orthoLidarOverlapW': PCT, 'wpml:orthoCameraOverlapH': PCT,
  'wpml:orthoCameraOverlapW': PCT, 'wpml:inclinedLidarOverlapH': PCT, 'wpml:inclinedLidarOverlapW': PCT,
  'wpml:inclinedCameraOverlapH': PCT, 'wpml:inclinedCameraOverlapW': PCT,
  'wpml:inclinedGimbalPitch': I, 'wpml:inclinedFlightSpeed': POS, 'wpml:facadeWaylineEnable': B,
  'wpml:mappingHeadingParam': S, 'wpml:mappingHeadingMode': e('fixed', 'followWayline'), 'wpml:mappingHeadingAngle': { type: 'float', min: 0, max: 360 },
  'wpml:quickOrthoMappingEnable': B, 'wpml:quickOrthoMappingPitch': F,
  'wpml:singleLineEnable': B, 'wpml:cuttingDistance': F, 'wpml:boundaryOptimEnable': B, 'wpml:leftExtend': F, 'wpml:rightExtend': F,
  'wpml:includeCenterEnable': B, 'wpml:stripUseTemplateAltitude': B,
  // Placemark (waypoint)
  'wpml:isRisky': B,
  'wpml:index': ID,
  'wpml:ellipsoidHeight': F, 'wpml:height': F, 'wpml:executeHeight': F,
  'wpml:useGlobalHeight': B, 'wpml:useGlobalSpeed': B, 'wpml:useGlobalHeadingParam': B, 'wpml:useGlobalTurnParam': B,
  'wpml:waypointSpeed': POS,
  'wpml:useStraightLine': B,
  'wpml:gimbalPitchAngle': F,
  'wpml:waypointHeadingParam': S,
  'wpml:waypointHeadingMode': e(...ENUMS.waypointHeadingMode),
  'wpml:waypointHeadingAngle': ANGLE180,
  'wpml:waypointPoiPoint': T,
  'wpml:waypointHeadingPathMode': e(...ENUMS.waypointHeadingPathMode),
  'wpml:waypointHeadingPoiIndex': I,
  'wpml:waypointTurnParam': S,
  'wpml:waypointTurnMode': e(...ENUMS.waypointTurnMode),
  'wpml:waypointTurnDampingDist': { type: 'float', min: 0 },
  // actions
  'wpml:startActionGroup': S, 'wpml:actionGroup': S,
  'wpml:actionGroupId': ID, 'wpml:actionGroupStartIndex': ID, 'wpml:actionGroupEndIndex': ID,
  'wpml:actionGroupMode': e('sequence'),
  'wpml:actionTrigger': S, 'wpml:actionTriggerType': e(...ENUMS.actionTriggerType), 'wpml:actionTriggerParam': POS,
  'wpml:action': S, 'wpml:actionId': ID, 'wpml:actionActuatorFunc': e(...ENUMS.actionActuatorFunc), 'wpml:actionActuatorFuncParam': S,
  'wpml:fileSuffix': T, 'wpml:payloadLensIndex': T, 'wpml:useGlobalPayloadLensIndex': B,
  'wpml:isPointFocus': B, 'wpml:focusX': F, 'wpml:focusY': F, 'wpml:focusRegionWidth': F, 'wpml:focusRegionHeight': F, 'wpml:isInfiniteFocus': B,
  'wpml:focalLength': POS,
  'wpml:directoryName': T,
  'wpml:gimbalHeadingYawBase': e('north', 'aircraft'), 'wpml:gimbalRotateMode': e('absoluteAngle', 'relativeAngle'),
  'wpml:gimbalPitchRotateEnable': B, 'wpml:gimbalPitchRotateAngle': ANGLE180,
  'wpml:gimbalRollRotateEnable': B, 'wpml:gimbalRollRotateAngle': ANGLE180,
  'wpml:gimbalYawRotateEnable': B, 'wpml:gimbalYawRotateAngle': ANGLE180,
  'wpml:gimbalRotateTimeEnable': B, 'wpml:gimbalRotateTime': { type: 'float', min: 0 },
  'wpml:aircraftHeading': ANGLE180, 'wpml:aircraftPathMode': e('clockwise', 'counterClockwise'),
  'wpml:hoverTime': POS,
  'wpml:accurateFrameValid': B, 'wpml:targetAngle': { type: 'float', min: 0, max: 360 }, 'wpml:imageWidth': I, 'wpml:imageHeight': I,
  'wpml:AFPos': I, 'wpml:gimbalPort': I, 'wpml:actionUUID': T,
  'wpml:accurateCameraType': I, 'wpml:accurateFilePath': T, 'wpml:accurateFileMD5': T, 'wpml:accurateFileSize': I, 'wpml:accurateFileSuffix': T,
  'wpml:accurateCameraApertue': I, 'wpml:accurateCameraLuminance': I, 'wpml:accurateCameraShutterTime': F, 'wpml:accurateCameraISO': I,
  'wpml:orientedCameraType': I, 'wpml:orientedFilePath': T, 'wpml:orientedFileMD5': T, 'wpml:orientedFileSize': I, 'wpml:orientedFileSuffix': T,
  'wpml:orientedCameraApertue': I, 'wpml:orientedCameraLuminance': I, 'wpml:orientedCameraShutterTime': F, 'wpml:orientedCameraISO': I,
  'wpml:orientedPhotoMode': e('normalPhoto', 'lowLightSmartShooting'),
  'wpml:panoShotSubMode': e('panoShot_360'),
  'wpml:recordPointCloudOperate': e('startRecord', 'pauseRecord', 'resumeRecord', 'stopRecord'),
  'wpml:megaphoneOperateType': T, 'wpml:megaphoneOperateFilePath': T, 'wpml:megaphoneOperateLoop': B, 'wpml:megaphoneOperateVolume': PCT,
  'wpml:megaphoneFileName': T, 'wpml:megaphoneFileOriginalName': T, 'wpml:megaphoneFileMd5': T, 'wpml:megaphoneFileBitrate': I,
  'wpml:searchlightOperateType': T, 'wpml:searchlightBrightness': PCT,
};

/** Parameters each action type requires (common-element.md `<wpml:actionActuatorFuncParam>` tables). */
export const ACTION_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  takePhoto: ['payloadPositionIndex'],
  startRecord: ['payloadPositionIndex'],
  stopRecord: ['payloadPositionIndex'],
  focus: ['payloadPositionIndex', 'isPointFocus', 'focusX', 'focusY'],
  zoom: ['payloadPositionIndex', 'focalLength'],
  customDirName: ['payloadPositionIndex', 'directoryName'],
  gimbalRotate: ['payloadPositionIndex', 'gimbalRotateMode', 'gimbalPitchRotateEnable', 'gimbalRollRotateEnable', 'gimbalYawRotateEnable', 'gimbalRotateTimeEnable'],
  rotateYaw: ['aircraftHeading'],
  hover: ['hoverTime'],
  gimbalEvenlyRotate: ['gimbalPitchRotateAngle', 'payloadPositionIndex'],
  accurateShoot: ['payloadPositionIndex'],
  orientedShoot: ['payloadPositionIndex'],
  panoShot: ['payloadPositionIndex', 'panoShotSubMode'],
  recordPointCloud: ['payloadPositionIndex', 'recordPointCloudOperate'],
  megaphone: [],
  searchlight: [],
};

/** Elements the docs mark "int/float/bool": their values are numbers in the model. */
export const isNumeric = (name: string): boolean => {
  const t = ELEMENTS[name]?.type;
  return t === 'int' || t === 'float' || t === 'bool';
};
