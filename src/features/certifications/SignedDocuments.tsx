import { For, Match, Show, Switch } from 'solid-js';
import type { Block, PdfDocument, RichText } from '../../documents/model';

/** The documents of a signed package as they were signed, read-only, in filing order. */
export function SignedDocuments(props: { documents: readonly PdfDocument[] }) {
  return (
    <div class="signed-documents" data-testid="signed-documents">
      <For each={props.documents}>
        {(doc) => (
          <details>
            <summary>{doc.title}</summary>
            <div class="signed-document">
              <For each={doc.blocks}>{(block) => <BlockView block={block} />}</For>
            </div>
          </details>
        )}
      </For>
    </div>
  );
}

function Rich(props: { text: RichText }) {
  return (
    <Show when={typeof props.text !== 'string'} fallback={<>{props.text as string}</>}>
      <For each={props.text as Exclude<RichText, string>}>{(span) => (span.bold ? <strong>{span.text}</strong> : <>{span.text}</>)}</For>
    </Show>
  );
}

function BlockView(props: { block: Block }) {
  const b = () => props.block;
  return (
    <Switch>
      <Match when={b().kind === 'letterhead' && (b() as Extract<Block, { kind: 'letterhead' }>)}>{(x) => <p class="pre-line">{x().lines.join('\n')}</p>}</Match>
      <Match when={b().kind === 'heading' && (b() as Extract<Block, { kind: 'heading' }>)}>{(x) => (x().level === 1 ? <h3>{x().text}</h3> : <h4>{x().text}</h4>)}</Match>
      <Match when={b().kind === 'paragraph' && (b() as Extract<Block, { kind: 'paragraph' }>)}>
        {(x) => (
          <p class="pre-line">
            <Rich text={x().text} />
          </p>
        )}
      </Match>
      <Match when={b().kind === 'keyValue' && (b() as Extract<Block, { kind: 'keyValue' }>)}>
        {(x) => (
          <dl>
            <For each={x().rows}>
              {(row) => (
                <>
                  <dt>{row.label}</dt>
                  <dd class="pre-line">
                    <Rich text={row.value} />
                  </dd>
                </>
              )}
            </For>
          </dl>
        )}
      </Match>
      <Match when={b().kind === 'list' && (b() as Extract<Block, { kind: 'list' }>)}>
        {(x) => {
          const items = () => <For each={x().items}>{(item) => <li><Rich text={item} /></li>}</For>;
          return x().style === 'numbered' ? <ol>{items()}</ol> : <ul>{items()}</ul>;
        }}
      </Match>
      <Match when={b().kind === 'table' && (b() as Extract<Block, { kind: 'table' }>)}>
        {(x) => (
          <table class="table">
            <thead>
              <tr>
                <For each={x().columns}>{(c) => <th scope="col">{c.header}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={x().rows}>{(row) => <tr><For each={row}>{(cell) => <td>{cell}</td>}</For></tr>}</For>
            </tbody>
          </table>
        )}
      </Match>
      <Match when={b().kind === 'signature' && (b() as Extract<Block, { kind: 'signature' }>)}>
        {(x) => (
          <p class="pre-line">
            {[x().signature.kind === 'typed' ? `/s/ ${x().signature.name}` : '[signature image]', x().signature.name, x().signature.title, x().signature.date ? `Date: ${x().signature.date}` : undefined, ...(x().signature.lines ?? [])]
              .filter(Boolean)
              .join('\n')}
          </p>
        )}
      </Match>
    </Switch>
  );
}
