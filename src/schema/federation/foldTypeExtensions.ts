import { DocumentNode, Kind, ObjectTypeDefinitionNode, ObjectTypeExtensionNode, visit } from 'graphql';

/**
 * The document with each `extend type` folded into the type's definition (its directives and fields
 * appended). Composers read a directive on an extension narrowly: The Guild's turns the extension into
 * an `@extends` type of its own, which then defines no fields for its @key, and Apollo's applies a
 * type's @shareable to the extension's fields only. An extension of a type the document does not
 * define stays as it is.
 */
export function foldTypeExtensions(document: DocumentNode): DocumentNode {
  const defined = new Set(document.definitions.filter((node) => node.kind === Kind.OBJECT_TYPE_DEFINITION).map((node) => node.name.value));
  const extensions = new Map<string, ObjectTypeExtensionNode[]>();
  for (const node of document.definitions) {
    if (node.kind === Kind.OBJECT_TYPE_EXTENSION) extensions.set(node.name.value, [...(extensions.get(node.name.value) ?? []), node]);
  }
  return visit(document, {
    ObjectTypeExtension: (node) => (defined.has(node.name.value) ? null : undefined),
    ObjectTypeDefinition(node): ObjectTypeDefinitionNode | undefined {
      const own = extensions.get(node.name.value);
      if (!own) return undefined;
      return {
        ...node,
        directives: [...(node.directives ?? []), ...own.flatMap((extension) => extension.directives ?? [])],
        fields: [...(node.fields ?? []), ...own.flatMap((extension) => extension.fields ?? [])],
      };
    },
  });
}
