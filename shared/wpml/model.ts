/**
 * The typed WPML model (DJI WPML: official-en/60.api-reference/00.dji-wpml/*): one KMZ = a template.kml
 * (what the operator edits) + a waylines.wpml (what the aircraft executes). Pure data, no I/O.
 */

export type FlyToWaylineMode = 'safely' | 'pointToPoint';
export type FinishAction = 'goHome' | 'noAction' | 'autoLand' | 'gotoFirstWaypoint';
export type ExitOnRcLost = 'goContinue' | 'executeLostAction';
export type RcLostAction = 'goBack' | 'landing' | 'hover';
export type TemplateType = 'waypoint' | 'mapping2d' | 'mapping3d' | 'mappingStrip';
export type HeightMode = 'EGM96' | 'relativeToStartPoint' | 'aboveGroundLevel' | 'realTimeFollowSurface';
export type ExecuteHeightMode = 'WGS84' | 'relativeToStartPoint' | 'realTimeFollowSurface';
export type HeadingMode = 'followWayline' | 'manually' | 'fixed' | 'smoothTransition' | 'towardPOI';
export type HeadingPathMode = 'clockwise' | 'counterClockwise' | 'followBadArc';
export type TurnMode =
  | 'coordinateTurn'
  | 'toPointAndStopWithDiscontinuityCurvature'
  | 'toPointAndStopWithContinuityCurvature'
  | 'toPointAndPassWithContinuityCurvature';
export type GimbalPitchMode = 'manual' | 'usePointSetting';
export type TriggerType = 'reachPoint' | 'betweenAdjacentPoints' | 'multipleTiming' | 'multipleDistance';
export type ActionFunc =
  | 'takePhoto'
  | 'startRecord'
  | 'stopRecord'
  | 'focus'
  | 'zoom'
  | 'customDirName'
  | 'gimbalRotate'
  | 'rotateYaw'
  | 'hover'
  | 'gimbalEvenlyRotate'
  | 'accurateShoot'
  | 'orientedShoot'
  | 'panoShot'
  | 'recordPointCloud'
  | 'megaphone'
  | 'searchlight';

/** An action parameter as written in the file: numbers for int/float/bool elements, text otherwise. */
export type ParamValue = number | string;
/** Ordered (element name without `wpml:`, value): file order is kept so export → import is equal. */
export type ParamEntry = readonly [string, ParamValue];

/** An element this model does not type (mapping-template Polygon, overlap…), kept verbatim for export. */
export interface RawElement {
  readonly name: string;
  readonly text?: string;
  readonly children?: readonly RawElement[];
}

export interface LatLonHeight {
  readonly lat: number;
  readonly lon: number;
  readonly height: number;
}

export interface DroneInfo {
  readonly enumValue: number;
  readonly subEnumValue?: number;
}

export interface PayloadInfo {
  readonly enumValue: number;
  readonly subEnumValue?: number;
  readonly positionIndex: number;
}

export interface MissionConfig {
  readonly flyToWaylineMode: FlyToWaylineMode;
  readonly finishAction: FinishAction;
  readonly exitOnRCLost: ExitOnRcLost;
  readonly executeRCLostAction?: RcLostAction;
  readonly takeOffSecurityHeight: number;
  readonly takeOffRefPoint?: LatLonHeight;
  readonly takeOffRefPointAGLHeight?: number;
  readonly globalTransitionalSpeed: number;
  readonly globalRTHHeight?: number;
  readonly drone: DroneInfo;
  readonly payloads: readonly PayloadInfo[];
  readonly autoReroute?: { readonly missionAutoRerouteMode: number; readonly transitionalAutoRerouteMode: number };
}

export interface HeadingParam {
  readonly mode: HeadingMode;
  readonly angle?: number;
  /** "lat,lon,alt" as in the file. */
  readonly poiPoint?: string;
  readonly pathMode?: HeadingPathMode;
  readonly poiIndex?: number;
}

export interface TurnParam {
  readonly mode: TurnMode;
  readonly dampingDist?: number;
}

export interface Action {
  readonly id: number;
  readonly func: ActionFunc;
  readonly params: readonly ParamEntry[];
}

export interface ActionGroup {
  readonly id: number;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly mode: 'sequence';
  readonly trigger: { readonly type: TriggerType; readonly param?: number };
  readonly actions: readonly Action[];
}

/** A Placemark. template.kml uses height/useGlobal*; waylines.wpml uses executeHeight. */
export interface Waypoint {
  readonly index: number;
  readonly lat: number;
  readonly lon: number;
  readonly isRisky?: boolean;
  readonly height?: number;
  readonly ellipsoidHeight?: number;
  readonly executeHeight?: number;
  readonly useGlobalHeight?: boolean;
  readonly useGlobalSpeed?: boolean;
  readonly useGlobalHeadingParam?: boolean;
  readonly useGlobalTurnParam?: boolean;
  readonly speed?: number;
  readonly heading?: HeadingParam;
  readonly turn?: TurnParam;
  readonly useStraightLine?: boolean;
  readonly gimbalPitchAngle?: number;
  readonly actionGroups: readonly ActionGroup[];
}

export interface CoordinateSys {
  readonly coordinateMode: 'WGS84';
  readonly heightMode: HeightMode;
  readonly positioningType?: string;
  readonly globalShootHeight?: number;
  readonly surfaceFollowModeEnable?: boolean;
  readonly surfaceRelativeHeight?: number;
}

/** A template.kml Folder. Mapping templates keep their survey elements in `extras`. */
export interface Template {
  readonly templateType: TemplateType;
  readonly templateId: number;
  readonly coordinateSys: CoordinateSys;
  readonly autoFlightSpeed: number;
  readonly globalHeight?: number;
  readonly gimbalPitchMode?: GimbalPitchMode;
  readonly globalHeading?: HeadingParam;
  readonly globalTurnMode?: TurnMode;
  readonly globalUseStraightLine?: boolean;
  readonly payloadParam?: readonly ParamEntry[];
  readonly waypoints: readonly Waypoint[];
  readonly extras: readonly RawElement[];
}

/** A waylines.wpml Folder: one executable route. */
export interface Wayline {
  readonly templateId: number;
  readonly waylineId: number;
  readonly autoFlightSpeed: number;
  readonly executeHeightMode: ExecuteHeightMode;
  readonly startActionGroup?: ActionGroup;
  readonly waypoints: readonly Waypoint[];
}

export interface WpmlFile {
  readonly author?: string;
  readonly createTime?: number;
  readonly updateTime?: number;
  readonly mission: MissionConfig;
  readonly templates: readonly Template[];
  readonly waylines: readonly Wayline[];
  /** Names of the entries under wpmz/res/ (kept as-is in the stored KMZ). */
  readonly resources: readonly string[];
}

/** One problem found in a file: the element, where it is, and what is wrong. */
export interface WpmlIssue {
  readonly file: string;
  readonly element: string;
  readonly line: number | null;
  readonly message: string;
}
