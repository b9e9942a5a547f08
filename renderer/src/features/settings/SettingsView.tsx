// Placeholder: replaced by the feature's owner.
export default function SettingsView(_props: { route?: unknown }) {
  return <section className="placeholder">SettingsView</section>;
}
