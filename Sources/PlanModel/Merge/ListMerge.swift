/// Three-way merge of a repeatable field's values (success criteria, milestones, links),
/// treated as a set with an order: reordering is not a change, independent additions and
/// removals combine, and a value both sides replaced differently is a conflict.
public enum ListMerge {
    public static func merge(base: [String], ours: [String], theirs: [String]) -> [String]? {
        let b = Set(base), o = Set(ours), t = Set(theirs)
        if o == b { return theirs }  // ours at most reordered: theirs stands
        if t == b { return ours }
        if o == t { return ours }
        let removedByOurs = b.subtracting(o), removedByTheirs = b.subtracting(t)
        let addedByOurs = o.subtracting(b), addedByTheirs = t.subtracting(b)
        if !removedByOurs.intersection(removedByTheirs).isEmpty, addedByOurs != addedByTheirs,
            !addedByOurs.isEmpty, !addedByTheirs.isEmpty
        {
            return nil  // both replaced the same value, differently
        }
        var merged = ours.filter { !removedByTheirs.contains($0) }
        for value in theirs where addedByTheirs.contains(value) && !merged.contains(value) {
            merged.append(value)
        }
        return merged
    }
}
