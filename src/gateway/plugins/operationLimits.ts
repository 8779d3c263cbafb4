import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { DocumentNode, getVariableValues, GraphQLError, ValidationRule } from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../schema/common/pagination';

export interface OperationLimitSettings {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

/** What Apollo Server is given to enforce the limits. */
export interface OperationLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
}

/**
 * Hostile or careless operations are refused before execution, so before any upstream request: tokens
 * by the parser (GRAPHQL_PARSE_FAILED), depth, aliases and directives by graphql-armor's validation rules
 * (GRAPHQL_VALIDATION_FAILED), and a cost in which list sizes count (BAD_USER_INPUT). Field suggestions ("Did you mean …?") are blocked
 * when the schema is private.
 */
export function operationLimits(limits: OperationLimitSettings, fieldSuggestions: boolean): OperationLimits {
  const armor = new ApolloArmor({
    // Depth of the data asked for: a query written with one fragment per level is no deeper for it.
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // graphql-js's own parser counts tokens (parseOptions below) and answers a plain 400 parse error.
    maxTokens: { enabled: false },
    // Armor's cost ignores list sizes; the list-aware cost below replaces it.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !fieldSuggestions },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins: [...plugins, listAwareCostLimit(limits.maxCost)], validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}

/**
 * A field costs 1 plus its children, times the items it may return: `first` for connections, the number
 * of `ids` for `nodes`. Aliases are separate fields, so each alias pays again. `categories(first: 500) {
 * nodes { children(first: 500) { … } } }` costs over 250 000 and is refused; a storefront menu costs a few
 * thousand.
 */
const listSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  // An explicit `first: null` still returns a default page of 50.
  // Past MAX_PAGE_SIZE the argument itself is refused, with a clearer message than the cost's.
  // A federation router's `_entities(representations)` costs like `nodes(ids)`: each one may be a read.
  const ids = args.ids ?? args.representations;
  const size = 'first' in args ? Math.min(args.first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) : Array.isArray(ids) ? ids.length : 1;
  return Math.max(1, size) * (1 + childComplexity);
};

/** Costs remembered per variable set of one document; past this many, a document's costs are computed anew. */
const COSTS_PER_DOCUMENT = 32;
/** Variables longer than this as JSON are not worth remembering (nor holding in memory). */
const MAX_KEY_LENGTH = 2048;

function listAwareCostLimit(maxCost: number): ApolloServerPlugin {
  // A cost depends only on the document, the operation and the variables, and Apollo hands the same
  // parsed document to every request of the same query text: walking it once per request was a tenth
  // of the work of a small query.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName, operation }) {
          const variables = request.variables ?? {};
          // Only queries are remembered: mutations are few and may carry megabytes of variables (images).
          const key = operation?.operation !== 'query' ? undefined : `${operationName ?? ''}:${operation.variableDefinitions?.length ? JSON.stringify(variables) : ''}`;
          let known = costs.get(document);
          let cost = key === undefined ? undefined : known?.get(key);
          if (cost === undefined) {
            // Variables that do not fit their types are Apollo's to report (400 BAD_USER_INPUT), not the cost's.
            if (getVariableValues(schema, operation?.variableDefinitions ?? [], variables).errors) return;
            try {
              cost = getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [listSizeEstimator] });
            } catch (error) {
              // e.g. more query nodes than graphql-query-complexity walks (a fragment fan-out).
              throw new GraphQLError(`The operation cannot be accepted: ${(error as Error).message}`, {
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
              });
            }
            if (key !== undefined && key.length <= MAX_KEY_LENGTH) {
              if (!known) costs.set(document, (known = new Map()));
              if (known.size < COSTS_PER_DOCUMENT) known.set(key, cost);
            }
          }
          if (cost > maxCost) {
            throw new GraphQLError(`The operation costs ${cost}, above the limit of ${maxCost}: ask for fewer items (first, ids) or fewer fields`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
