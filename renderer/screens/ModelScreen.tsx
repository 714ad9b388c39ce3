import { Text } from '../components/Text.tsx';
import { useExhibit } from '../content/ContentContext.tsx';

/** The 3D tractor. Until the viewer draws, its poster stands in. */
export function ModelScreen() {
  const { content } = useExhibit();
  const model = content.exhibit.model;
  if (!model) return null;
  return (
    <main className="model-screen">
      <Text as="h1" className="model-title" map={model.title} />
      <img className="model-poster" src={`${content.baseUrl}${model.poster}`} alt="" draggable={false} />
    </main>
  );
}
