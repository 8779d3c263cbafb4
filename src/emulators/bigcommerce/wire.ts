import type { BigCommerceCatalog, BigCommerceCategoryState, BigCommerceProductState } from './catalog';

/** A category of the flat listing, as the spec's "Get Category 12" example (docs/platforms/bigcommerce.md#endpoints). */
export function categoryToWire(category: BigCommerceCategoryState) {
  return {
    category_id: category.id,
    category_uuid: category.uuid,
    parent_id: category.parentId,
    tree_id: category.treeId,
    name: category.name,
    description: category.description,
    views: category.views,
    sort_order: category.sortOrder,
    page_title: category.pageTitle,
    meta_keywords: [...category.metaKeywords],
    meta_description: category.metaDescription,
    layout_file: category.layoutFile,
    image_url: category.imageUrl,
    is_visible: category.isVisible,
    search_keywords: category.searchKeywords,
    default_product_sort: category.defaultProductSort,
    url: { path: category.urlPath, is_customized: category.urlCustomized },
  };
}

/** A `CategoryNode` of GET /catalog/trees/{tree_id}/categories; `maxDepth` cuts the children of deeper nodes. */
export interface CategoryNodeWire {
  id: number;
  parent_id: number;
  depth: number;
  path: number[];
  name: string;
  is_visible: boolean;
  url: string;
  children: CategoryNodeWire[];
}

export function treeToWire(catalog: BigCommerceCatalog, roots: BigCommerceCategoryState[], maxDepth?: number): CategoryNodeWire[] {
  const node = (category: BigCommerceCategoryState, depth: number, path: number[]): CategoryNodeWire => ({
    id: category.id,
    parent_id: category.parentId,
    depth,
    path,
    name: category.name,
    is_visible: category.isVisible,
    url: category.urlPath,
    children: maxDepth !== undefined && depth + 1 >= maxDepth ? [] : catalog.siblings(category.treeId, category.id).map((child) => node(child, depth + 1, [...path, category.id])),
  });
  return roots.map((root) => node(root, 0, []));
}

/** A product (`product_Full`, the fields a catalog listing shows). */
export function productToWire(catalog: BigCommerceCatalog, product: BigCommerceProductState) {
  const categories = [...catalog.assignments].filter(([, products]) => products.has(product.id)).map(([categoryId]) => categoryId);
  return {
    id: product.id,
    name: product.name,
    type: 'physical',
    sku: product.sku,
    description: '',
    weight: 1,
    price: product.price,
    calculated_price: product.price,
    categories: categories.sort((a, b) => a - b),
    inventory_level: 0,
    inventory_tracking: 'none',
    is_visible: product.isVisible,
    availability: 'available',
    sort_order: 0,
    date_created: product.dateCreated,
    date_modified: product.dateCreated,
    custom_url: { url: `/${product.sku.toLowerCase()}/`, is_customized: false },
  };
}

/**
 * `include_fields` keeps the id and the fields named, `exclude_fields` drops the fields named but never the id
 * ("The ID and the specified fields will be returned", docs/platforms/bigcommerce.md#endpoints).
 */
export function selectFields<T extends Record<string, unknown>>(item: T, idField: string, include?: string[], exclude?: string[]): Partial<T> {
  let entries = Object.entries(item);
  if (include) entries = entries.filter(([key]) => key === idField || include.includes(key));
  if (exclude) entries = entries.filter(([key]) => key === idField || !exclude.includes(key));
  return Object.fromEntries(entries) as Partial<T>;
}
