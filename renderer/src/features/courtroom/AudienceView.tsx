// Placeholder: replaced by the feature's owner.
export default function AudienceView(_props: { route?: unknown }) {
  return <section className="placeholder">AudienceView</section>;
}
