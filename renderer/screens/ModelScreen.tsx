import { useExhibit } from '../content/ContentContext.tsx';

/**
 * A 3D object's place in the visitor's path. The viewer itself is the app-wide
 * `ModelStage`, drawn over this screen; the poster here only bridges the moment its code
 * first loads.
 */
export function ModelScreen({ id }: { id: string }) {
  const { content } = useExhibit();
  const model = content.exhibit.models.find((m) => m.id === id) ?? content.exhibit.models[0];
  if (!model) return null;
  return (
    <main className="model-screen">
      <img className="model-placeholder" src={`${content.baseUrl}${model.poster}`} alt="" draggable={false} />
    </main>
  );
}
