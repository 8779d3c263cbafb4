import { Field, ID, ObjectType } from 'type-graphql';
import { Platform } from '../common/enums';
import { StoreCapabilities } from './StoreCapabilities';

/** Resolvers hand out the loaders' Store ({ id, platform, capabilities, port }). */
@ObjectType('Store', { simpleResolvers: true })
export class StoreType {
  @Field(() => ID, { description: "The store id from the gateway's configuration, e.g. ecwid-demo." })
  id!: string;

  @Field(() => Platform)
  platform!: string;

  @Field(() => StoreCapabilities)
  capabilities!: StoreCapabilities;
}
