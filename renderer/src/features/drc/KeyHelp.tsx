/** Key help: the keyboard fallback and the connected gamepad's bound buttons (W3C standard-mapping names). */
import { BUTTON_ACTIONS, type ControlProfile } from '../../../../shared/control/profile';
import { ACTION_TEXT } from './actions';
import { KEY_HELP } from './keyboard';

/** Button names of the W3C "standard" gamepad mapping, by index (Xbox-style labels). */
const STANDARD_BUTTONS: readonly string[] = ['A', 'B', 'X', 'Y', 'LB', 'RB', 'LT', 'RT', 'Back', 'Start', 'L3', 'R3', 'D-pad ↑', 'D-pad ↓', 'D-pad ←', 'D-pad →', 'Home'];

export const buttonName = (i: number): string => STANDARD_BUTTONS[i] ?? `button ${i}`;

export function KeyHelp({ profile }: { readonly profile: ControlProfile }) {
  const bound = BUTTON_ACTIONS.flatMap((a) => {
    const i = profile.buttons[a];
    if (i === null) return [];
    const hold = a === 'return_home' ? 'hold ' : '';
    return [[`${hold}${buttonName(i)}`, ACTION_TEXT[a].toLowerCase()] as const];
  });
  return (
    <details className="drc-keys" data-testid="drc-keys">
      <summary>Keys and buttons</summary>
      <dl data-testid="drc-keys-keyboard">
        {KEY_HELP.map(([k, what]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <dl data-testid="drc-keys-gamepad">
        {bound.map(([k, what]) => (
          <div key={what} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
