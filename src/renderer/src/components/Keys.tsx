/** Keyboard shortcuts shown as keys: "Ctrl+Shift+F" as Ctrl + Shift + F, alternatives apart. */
export function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <span className="keys">
      {keys.map((combo, i) => (
        <span key={combo} className="key-combo">
          {i > 0 && <span className="key-or"> or </span>}
          {combo.split(/\+(?!$)/).map((k, j) => (
            <kbd key={j}>{k}</kbd>
          ))}
        </span>
      ))}
    </span>
  );
}
