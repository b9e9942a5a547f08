// Placeholder: replaced by the feature's owner.
export default function MapView(_props: { route?: unknown }) {
  return <section className="placeholder">MapView</section>;
}
