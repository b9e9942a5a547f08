// Placeholder: replaced by the feature's owner.
export default function CasesView(_props: { route?: unknown }) {
  return <section className="placeholder">CasesView</section>;
}
