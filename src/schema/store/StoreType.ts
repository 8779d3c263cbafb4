import { Field, ID, ObjectType } from 'type-graphql';
import { Platform } from '../common/enums';
import { StoreCapabilities } from './StoreCapabilities';

/** Resolvers hand out the registry's Store ({ id, port }); platform and capabilities come from the port. */
@ObjectType('Store', { simpleResolvers: true })
export class StoreType {
  @Field(() => ID, { description: 'The store id from the gateway\'s configuration, e.g. ecwid-demo.' })
  id!: string;

  @Field(() => Platform)
  platform!: Platform;

  @Field(() => StoreCapabilities)
  capabilities!: StoreCapabilities;
}
