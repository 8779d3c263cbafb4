import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
} from 'graphql';
import { NodeType, parseGlobalId } from '../ids/globalId';
import type { RequestCosts } from '../platforms/descriptor';
import { refusedOperation } from '../schema/errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/common/pagination';

/** The most ids one `nodes` field, and representations one `_entities` field, take. */
export const MAX_IDS_PER_FIELD = 100;
/**
 * Levels an `ancestors` field is priced at: a chain read level by level costs a batch of reads a level.
 * Deeper trees are rare; where the platform names the whole chain (SFCC) it is one batch, fewer than this.
 */
const ANCESTOR_LEVELS = 5;
/** Selections the estimate walks at most: fragments spread in fragments multiply, and a hostile document could make that endless. */
const MAX_SELECTIONS_WALKED = 100_000;

/** A store as the estimate prices it. */
export interface PricedStore {
  id: string;
  costs: RequestCosts;
}

/** What fields below a field are priced with: their type, their store's costs, how many of them one request asks for. */
interface Frame {
  type: GraphQLObjectType;
  costs: RequestCosts;
  /** The store the objects belong to, when the operation names it. */
  storeId?: string;
  /** Levels of children between these categories and the read that loaded them (what `childLevelsCarried` is compared with). */
  depth: number;
  /** Objects of `type` the operation reaches here: loaders batch their reads (a `parent` of 50 categories is one batch). */
  times: number;
  /** For a connection: the items a page holds (`first`). */
  pageSize?: number;
}

/** A field's arguments as graphql-js coerced them (the schema says their types). */
interface Arguments {
  id?: unknown;
  ids?: unknown[];
  representations?: Array<{ id?: unknown } | null>;
  storeId?: unknown;
  first?: number | null;
  input?: { storeId?: unknown; categoryId?: unknown; productIds?: unknown };
}

/** Ids read together: one store's, of one type (unknown for an id that does not parse). */
interface IdGroup {
  costs: RequestCosts;
  storeId?: string;
  type?: NodeType;
  count: number;
}

/** Where objects are priced: their store (its platform's costs) and how far below their read they are. */
type Place = Pick<Frame, 'costs' | 'storeId' | 'depth'>;

/** One field's own upstream requests and the frames its selection is priced in. */
interface Priced {
  own: number;
  below: Frame[];
}

export interface CostQuestion {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  /** The stores `stores` answers for this client. */
  reachable: readonly string[];
}

/**
 * The upstream requests an operation may make, estimated before it runs (README, "Limits and budgets"):
 * each field at its platform's `requestCosts`, the store taken from the field's arguments (`storeId`, the
 * store of a global id) or its parent, the dearest platform where it cannot be told. Lists multiply what is
 * below them; reads by id are priced as the batches the loaders make of them. Throws BAD_USER_INPUT for a
 * `nodes` or `_entities` of more than MAX_IDS_PER_FIELD; undefined when the variables do not fit (Apollo
 * refuses those itself).
 */
export class UpstreamCostEstimator {
  private readonly stores: ReadonlyMap<string, RequestCosts>;
  /** The dearest registered platform's costs, for a store the estimate cannot tell. */
  private readonly worst: RequestCosts;

  constructor(stores: readonly PricedStore[]) {
    this.stores = new Map(stores.map((store) => [store.id, store.costs]));
    this.worst = dearestOf([...new Set(stores.map((store) => store.costs))]);
  }

  estimate({ schema, document, operation, variables, reachable }: CostQuestion): number | undefined {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return undefined;
    const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    const root = schema.getRootType(operation.operation);
    if (!root) return 0;
    const walk = new Walk(schema, fragments, coerced.coerced, this, reachable);
    return Math.ceil(walk.selection(operation.selectionSet, { type: root, costs: this.worst, times: 1, depth: 0 }));
  }

  /** The costs of the store a global id names, or undefined when it names no store (refused later, before any request). */
  costsOfId(raw: unknown): { costs: RequestCosts; type?: NodeType; storeId?: string } {
    try {
      const id = parseGlobalId(String(raw), undefined, []);
      return { costs: this.costsOfStore(id.storeId), type: id.type, storeId: id.storeId };
    } catch {
      return { costs: this.worst };
    }
  }

  costsOfStore(storeId: unknown): RequestCosts {
    return this.stores.get(String(storeId)) ?? this.worst;
  }
}

class Walk {
  private walked = 0;
  /** Category reads charged so far per store, for platforms whose whole-catalog listing bounds them. */
  private readonly treeReads = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly estimator: UpstreamCostEstimator,
    private readonly reachable: readonly string[],
  ) {}

  selection(set: SelectionSetNode, frame: Frame): number {
    let total = 0;
    for (const field of this.fields(set, frame.type)) {
      const definition = frame.type.getFields()[field.name.value];
      // __typename and introspection read nothing upstream.
      if (!definition) continue;
      const args: Arguments = getArgumentValues(definition, field, this.variables);
      const priced = this.price(`${frame.type.name}.${field.name.value}`, args, frame) ?? this.passThrough(field, frame);
      total += priced.own;
      if (field.selectionSet) for (const below of priced.below) total += this.selection(field.selectionSet, below);
    }
    return total;
  }

  /** A field with no upstream cost of its own: its selection is priced for the same objects (times a page, for a connection's items). */
  private passThrough(field: FieldNode, frame: Frame): Priced {
    const definition = frame.type.getFields()[field.name.value];
    const named = getNamedType(definition.type);
    const items = frame.pageSize !== undefined && (field.name.value === 'nodes' || field.name.value === 'edges') ? frame.pageSize : 1;
    return { own: 0, below: this.framesOf(named.name, frame, frame.times * items) };
  }

  /** The fields that read: what they cost their platform, and the frames below them. */
  private price(coordinate: string, args: Arguments, frame: Frame): Priced | undefined {
    const { costs, times } = frame;
    const page = (first: number | null | undefined) => Math.min(Math.max(first ?? DEFAULT_PAGE_SIZE, 0), MAX_PAGE_SIZE);
    const connection = (name: string, at: Place, first: number, depth = 0): Frame[] => this.framesOf(name, { ...at, depth }, times).map((below) => ({ ...below, pageSize: first }));
    switch (coordinate) {
      case 'Query.category':
      case 'Query.node': {
        const { costs: of, type, storeId } = this.estimator.costsOfId(args.id);
        return this.byIds([{ costs: of, storeId, type, count: times }], coordinate === 'Query.category' ? 'Category' : undefined);
      }
      case 'Query.nodes':
      case 'Query._entities': {
        const ids = coordinate === 'Query.nodes' ? (args.ids ?? []) : (args.representations ?? []).map((representation) => representation?.id);
        if (ids.length > MAX_IDS_PER_FIELD) {
          const what = coordinate === 'Query.nodes' ? 'ids' : 'representations';
          throw refusedOperation(
            'BAD_USER_INPUT',
            `${coordinate.slice(6)} takes at most ${MAX_IDS_PER_FIELD} ${what} a field, got ${ids.length}: split them over several requests`,
            { status: 400 },
          );
        }
        // The loaders batch one store's ids of one type together.
        const groups = new Map<string, IdGroup>();
        for (const id of ids) {
          const priced = this.estimator.costsOfId(id);
          const key = `${priced.type} ${priced.storeId}`;
          const group = groups.get(key) ?? { ...priced, count: 0 };
          group.count += times;
          groups.set(key, group);
        }
        return this.byIds([...groups.values()]);
      }
      case 'Query.categories':
      case 'Store.categories': {
        const at = coordinate === 'Query.categories' ? this.storePlace(args.storeId) : frame;
        const first = page(args.first);
        // The listed categories are one level below the read that listed them.
        return { own: this.treeRead(at, at.costs.categoryPages(times, first)), below: connection('CategoryConnection', at, first, 1) };
      }
      case 'Category.children': {
        const first = page(args.first);
        if (frame.depth < (costs.childLevelsCarried ?? 0)) return { own: 0, below: connection('CategoryConnection', frame, first, frame.depth + 1) };
        return { own: this.treeRead(frame, costs.categoryPages(times, first)), below: connection('CategoryConnection', frame, first, 1) };
      }
      case 'Query.store':
        return { own: 0, below: this.framesOf('Store', this.storePlace(args.id), times) };
      case 'Query.stores':
        return { own: 0, below: this.reachable.flatMap((storeId) => this.framesOf('Store', this.storePlace(storeId), times)) };
      case 'Category.parent':
        return { own: this.treeRead(frame, costs.categoriesById(times)), below: this.framesOf('Category', { ...frame, depth: 0 }, times) };
      case 'Category.ancestors':
        return { own: this.treeRead(frame, ANCESTOR_LEVELS * costs.categoriesById(times)), below: this.framesOf('Category', { ...frame, depth: 0 }, times * ANCESTOR_LEVELS) };
      case 'Category.products': {
        const first = page(args.first);
        return { own: costs.productPages(times, first), below: connection('CategoryProductAssignmentConnection', frame, first) };
      }
      case 'CategoryProductAssignment.product':
        return { own: (costs.assignedProducts ?? costs.productsById)(times), below: this.framesOf('Product', frame, times) };
      default:
        return frame.type === this.schema.getMutationType() ? this.write(args, frame) : undefined;
    }
  }

  /** A mutation: its platform's price for the write (assign and unassign by their products), then its payload in the store. */
  private write(args: Arguments, frame: Frame): Priced {
    const input = args.input ?? {};
    const costs = input.storeId !== undefined ? this.estimator.costsOfStore(input.storeId) : this.estimator.costsOfId(input.categoryId).costs;
    const own = Array.isArray(input.productIds) ? costs.productWrite(input.productIds.length) : costs.categoryWrite;
    return { own: own * frame.times, below: [] };
  }

  /** Reads by id, grouped by store and type: each group one batch. An id of unknown type is priced as the dearer. */
  private byIds(groups: readonly IdGroup[], expected?: 'Category' | 'Product'): Priced {
    let own = 0;
    const below: Frame[] = [];
    for (const { costs, storeId, type = expected, count } of groups) {
      const place = { costs, storeId, depth: 0 };
      const category = costs.categoriesById(count);
      const product = costs.productsById(count);
      const isProduct = type === 'Product' || (type === undefined && product > category);
      own += isProduct ? product : this.treeRead(place, category);
      below.push(...this.framesOf(isProduct ? 'Product' : 'Category', place, count));
    }
    return { own, below };
  }

  private storePlace(storeId: unknown): Place {
    return { costs: this.estimator.costsOfStore(storeId), storeId: storeId === undefined ? undefined : String(storeId), depth: 0 };
  }

  /** A category read's price, bounded per store by its platform's whole-catalog listing where it has one. */
  private treeRead({ costs, storeId }: Place, price: number): number {
    if (costs.wholeCatalog === undefined) return price;
    const key = storeId ?? '';
    const spent = this.treeReads.get(key) ?? 0;
    const charged = Math.min(price, Math.max(0, costs.wholeCatalog - spent));
    this.treeReads.set(key, spent + charged);
    return charged;
  }

  private framesOf(typeName: string, { costs, storeId, depth }: Place, times: number): Frame[] {
    const type = this.schema.getType(typeName);
    if (isObjectType(type)) return [{ type, costs, storeId, depth, times }];
    // An interface or union whose concrete type nothing tells: every possible type is priced (a bound, not a guess).
    if (isAbstractType(type)) return this.schema.getPossibleTypes(type).map((possible) => ({ type: possible, costs, storeId, depth, times }));
    return [];
  }

  /** The fields selected on objects of `type`: fragments that apply to it spread, @skip and @include obeyed. */
  private fields(set: SelectionSetNode, type: GraphQLObjectType, into: FieldNode[] = []): FieldNode[] {
    for (const selection of set.selections) {
      if (++this.walked > MAX_SELECTIONS_WALKED) {
        throw refusedOperation('BAD_USER_INPUT', `The operation cannot be accepted: it spreads to more than ${MAX_SELECTIONS_WALKED} selections`, { status: 400 });
      }
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        into.push(selection);
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? this.fragments.get(selection.name.value) : selection;
      if (fragment && this.applies(fragment.typeCondition?.name.value, type)) this.fields(fragment.selectionSet, type, into);
    }
    return into;
  }

  private applies(condition: string | undefined, type: GraphQLObjectType): boolean {
    if (condition === undefined || condition === type.name) return true;
    const abstract = this.schema.getType(condition);
    return isAbstractType(abstract) && this.schema.isSubType(abstract, type);
  }

  private included(node: SelectionNode): boolean {
    if (getDirectiveValues(GraphQLSkipDirective, node, this.variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, this.variables)?.if !== false;
  }
}

/** Costs that are, for every operation, the dearest of these platforms'. */
function dearestOf(all: readonly RequestCosts[]): RequestCosts {
  const most = (price: (costs: RequestCosts) => number) => Math.max(0, ...all.map(price));
  return {
    categoriesById: (count) => most((costs) => costs.categoriesById(count)),
    productsById: (count) => most((costs) => costs.productsById(count)),
    categoryPages: (listings, first) => most((costs) => costs.categoryPages(listings, first)),
    productPages: (categories, first) => most((costs) => costs.productPages(categories, first)),
    productWrite: (count) => most((costs) => costs.productWrite(count)),
    categoryWrite: most((costs) => costs.categoryWrite),
  };
}
