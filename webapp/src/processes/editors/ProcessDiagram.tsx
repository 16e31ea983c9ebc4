import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import './editors.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';

interface Props {
  xml: string;
  /** Instances standing in each activity (a blue badge). */
  counts?: Record<string, number>;
  /** Open incidents in each activity (a red badge and outline). */
  incidents?: Record<string, number>;
  /** Activities to highlight: where one instance stands. */
  current?: string[];
  /** Whoever reads the page without the picture: what the diagram shows. */
  label: string;
}

interface Overlays {
  add(id: string, type: string, overlay: { position: { bottom?: number; left?: number; right?: number; top?: number }; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}
interface Canvas {
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
  zoom(level: string): void;
}

function badge(text: string, className: string, title: string): HTMLElement {
  const element = document.createElement('div');
  element.className = className;
  element.textContent = text;
  element.title = title;
  return element;
}

/** A version's diagram, read-only (pan and zoom), with where instances stand and where incidents are. */
export function ProcessDiagram({ xml, counts = {}, incidents = {}, current = [], label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<NavigatedViewer | null>(null);
  const [ready, setReady] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const viewer = new NavigatedViewer({ container: container.current });
    viewerRef.current = viewer;
    viewer
      .importXML(xml)
      .then(() => {
        viewer.get<Canvas>('canvas').zoom('fit-viewport');
        setReady((n) => n + 1);
      })
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
    return () => {
      viewer.destroy();
      viewerRef.current = null;
    };
  }, [xml]);

  useEffect(() => {
    const viewer = viewerRef.current;
    if (!viewer || ready === 0) return;
    const overlays = viewer.get<Overlays>('overlays');
    const canvas = viewer.get<Canvas>('canvas');
    const registry = viewer.get<{ get(id: string): unknown }>('elementRegistry');
    overlays.remove({ type: 'sf-count' });
    const marked: [string, string][] = [];
    for (const [id, count] of Object.entries(counts)) {
      if (!registry.get(id)) continue;
      overlays.add(id, 'sf-count', { position: { bottom: 10, left: -10 }, html: badge(String(count), 'sf-badge', `${count} instance(s) here`) });
    }
    for (const [id, count] of Object.entries(incidents)) {
      if (!registry.get(id)) continue;
      overlays.add(id, 'sf-count', { position: { bottom: 10, right: 10 }, html: badge(String(count), 'sf-badge sf-badge-incident', `${count} incident(s) here`) });
      canvas.addMarker(id, 'sf-failed');
      marked.push([id, 'sf-failed']);
    }
    for (const id of current) {
      if (!registry.get(id)) continue;
      canvas.addMarker(id, 'sf-current');
      marked.push([id, 'sf-current']);
    }
    return () => {
      if (viewerRef.current !== viewer) return;
      for (const [id, marker] of marked) canvas.removeMarker(id, marker);
    };
  }, [ready, counts, incidents, current]);

  return (
    <div>
      <div className="sf-canvas sf-viewer" ref={container} role="img" aria-label={label} />
      {problem && <p role="alert">The diagram cannot be shown: {problem}</p>}
    </div>
  );
}
