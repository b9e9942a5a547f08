// Placeholder: replaced by the feature's owner.
export default function CaseView(_props: { route?: unknown }) {
  return <section className="placeholder">CaseView</section>;
}
