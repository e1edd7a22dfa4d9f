import type { Person, Role } from '../core/config.ts';
import type { Delegation, DelegationChange } from '../core/delegation.ts';
import type { DirectoryActor, DirectoryChange, DirectoryEntry, DirectoryRole, UnitProfile } from '../core/directory.ts';

/**
 * Units and people, in the table. Like the report repository: single-item conditional writes only (dynalite has
 * no transactions); each person is one item in the unit's own partition, so no key is shared by all units.
 */
export interface DirectoryRepository {
  /** Every unit, from an index (eventually consistent on AWS): for lists and the Mutu Baku clock. */
  units(): Promise<UnitProfile[]>;
  unit(unitCode: string): Promise<UnitProfile | undefined>;
  /** Stores the unit's profile if it has none yet; true when it was created. */
  putUnitIfAbsent(profile: UnitProfile): Promise<boolean>;
  /** A unit's profile and its people now, in one consistent read (what every use case asks for a report). */
  unitWithPeople(unitCode: string): Promise<{ profile?: UnitProfile; people: DirectoryEntry[] }>;
  /** The people of a unit now (read consistently), by role. */
  people(unitCode: string): Promise<DirectoryEntry[]>;
  /**
   * Every role, in every unit (the city's included), whose person has this address (compared case-insensitively).
   * From an index, one key per address — never a scan of the units — so eventually consistent on AWS: a caller
   * that acts on an entry reads its unit again first.
   */
  peopleByEmail(email: string): Promise<DirectoryEntry[]>;
  /**
   * Sets a role's person when the stored entry is still at `expectedVersion` (0 = no entry yet), then stores the
   * change event. Throws StaleDirectoryError when someone else changed it first.
   */
  setPerson(
    unitCode: string,
    role: DirectoryRole,
    person: Person | undefined,
    expectedVersion: number,
    change: { at: string; actor: DirectoryActor },
  ): Promise<DirectoryChange>;
  /** The change events of a unit, oldest first. */
  changes(unitCode: string): Promise<DirectoryChange[]>;

  /**
   * The delegations (Plh / Plt) of one role of a unit: one item in the unit's partition holding the list, so
   * the overlap rule is checked and kept by one conditional write. Read consistently; version 0 = none yet.
   */
  delegationsOf(unitCode: string, role: Role): Promise<{ list: Delegation[]; version: number }>;
  /** Every role's delegations of a unit, in one consistent query (who acts for whom, when). */
  delegations(unitCode: string): Promise<Delegation[]>;
  /**
   * Replaces a role's delegations when the stored list is still at `expectedVersion`, then stores the change
   * event. Throws StaleDirectoryError when someone else changed it first.
   */
  putDelegations(
    unitCode: string,
    role: Role,
    list: Delegation[],
    expectedVersion: number,
    change: DelegationChange,
  ): Promise<void>;
  /** The delegation events of a unit (set, cancelled), oldest first. */
  delegationChanges(unitCode: string): Promise<DelegationChange[]>;
}

export class StaleDirectoryError extends Error {
  override name = 'StaleDirectoryError';
}
