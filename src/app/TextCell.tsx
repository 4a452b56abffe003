/**
 * A text input that commits while typing but never commits an empty value (a workspace with an
 * empty name would not validate when reopened); leaving it empty restores the stored value.
 */
import { useEffect, useState, type InputHTMLAttributes } from 'react';

interface TextCellProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  value: string;
  onCommit(value: string): void;
  /** Allow committing an empty value (optional fields such as descriptions). */
  allowEmpty?: boolean;
}

export function TextCell({ value, onCommit, allowEmpty = false, ...rest }: TextCellProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <input
      className="cell-input"
      {...rest}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        if (allowEmpty || e.target.value.trim()) onCommit(e.target.value);
      }}
      onBlur={() => setDraft(value)}
    />
  );
}
