import { OnScreenKeyboard } from './on-screen-keyboard.tsx';

export interface NumericKeypadProps {
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  /** an ID number's last character may be X */
  allowX?: boolean;
}

/** Digits only (phone numbers, amounts, ID numbers): the keyboard in its one digits mode. */
export function NumericKeypad(props: NumericKeypadProps) {
  return <OnScreenKeyboard {...props} modes={['digits']} />;
}
