// Placeholder: replaced by the feature's owner.
export default function PresenterView(_props: { route?: unknown }) {
  return <section className="placeholder">PresenterView</section>;
}
