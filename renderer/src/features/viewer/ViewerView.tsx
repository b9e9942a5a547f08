// Placeholder: replaced by the feature's owner.
export default function ViewerView(_props: { route?: unknown }) {
  return <section className="placeholder">ViewerView</section>;
}
