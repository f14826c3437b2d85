// A DSFR form field with its label, hint and error: the error is tied to the input by aria-describedby, so a
// screen reader reads it with the field.
import type { FormState } from '../forms.js';

interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'url' | 'date' | 'datetime-local';
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
}

const ids = (name: string) => ({ input: `champ-${name}`, error: `erreur-${name}`, hint: `aide-${name}` });

function Label({ name, label, hint }: { name: string; label: string; hint?: string | undefined }) {
  return (
    <label class="fr-label" for={ids(name).input}>
      {label}
      {hint ? <span class="fr-hint-text" id={ids(name).hint}>{hint}</span> : null}
    </label>
  );
}

function ErrorText({ name, error }: { name: string; error: string | undefined }) {
  return error ? (
    <p class="fr-error-text" id={ids(name).error}>
      {error}
    </p>
  ) : null;
}

const describedBy = (name: string, hint: string | undefined, error: string | undefined) =>
  [hint ? ids(name).hint : '', error ? ids(name).error : ''].filter(Boolean).join(' ') || undefined;

export function Field({ form, name, label, hint, type = 'text', autocomplete, required, maxLength }: FieldProps) {
  const error = form.errors[name];
  return (
    <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <Label name={name} label={label} hint={hint} />
      <input
        class={`fr-input${error ? ' fr-input--error' : ''}`}
        id={ids(name).input}
        name={name}
        type={type}
        value={type === 'password' ? '' : (form.values[name] ?? '')}
        autocomplete={autocomplete}
        required={required}
        maxlength={maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
      <ErrorText name={name} error={error} />
    </div>
  );
}

export function TextArea({ form, name, label, hint, maxLength }: Omit<FieldProps, 'type'>) {
  const error = form.errors[name];
  return (
    <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <Label name={name} label={label} hint={hint} />
      <textarea
        class={`fr-input${error ? ' fr-input--error' : ''}`}
        id={ids(name).input}
        name={name}
        maxlength={maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {form.values[name] ?? ''}
      </textarea>
      <ErrorText name={name} error={error} />
    </div>
  );
}

export function Select({ form, name, label, hint, options }: Omit<FieldProps, 'type'> & { options: readonly (readonly [string, string])[] }) {
  const error = form.errors[name];
  return (
    <div class={`fr-select-group${error ? ' fr-select-group--error' : ''}`}>
      <Label name={name} label={label} hint={hint} />
      <select
        class={`fr-select${error ? ' fr-select--error' : ''}`}
        id={ids(name).input}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {options.map(([value, text]) => (
          <option value={value} selected={(form.values[name] ?? '') === value}>
            {text}
          </option>
        ))}
      </select>
      <ErrorText name={name} error={error} />
    </div>
  );
}

export function Checkbox({ form, name, label }: { form: FormState; name: string; label: string }) {
  // A box that must be ticked (a consent) says why beside it, like every other field.
  const error = form.errors[name];
  return (
    <div class={`fr-checkbox-group${error ? ' fr-checkbox-group--error' : ''}`}>
      <input
        type="checkbox"
        id={ids(name).input}
        name={name}
        value="oui"
        checked={form.values[name] === 'oui'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, undefined, error)}
      />
      <label class="fr-label" for={ids(name).input}>
        {label}
      </label>
      <ErrorText name={name} error={error} />
    </div>
  );
}

/** The hidden CSRF token every form carries. */
export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="csrf" value={token} />;
}
