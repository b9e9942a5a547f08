// Placeholder: replaced by the feature's owner.
export default function SearchView(_props: { route?: unknown }) {
  return <section className="placeholder">SearchView</section>;
}
