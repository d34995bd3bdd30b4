namespace McpFleet.Generator.Naming;

/// <summary>
/// Names that generated members must not take because the generated type already has them: a property or field
/// named like an inherited member hides it (warning CS0108), one named like its type does not compile (CS0542).
/// </summary>
internal static class ReservedNames
{
    private const string ObjectMemberOwner = "a member every C# object has";
    private const string RecordMemberOwner = "a member every C# record has";

    private static readonly string[] s_objectMembers = ["Equals", "Finalize", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString"];
    private static readonly string[] s_recordMembers = ["Clone", "Deconstruct", "EqualityContract", "PrintMembers"];

    public static void ReserveObjectMembers(NameAllocator names)
    {
        foreach (var name in s_objectMembers)
        {
            names.Reserve(name, ObjectMemberOwner);
        }
    }

    public static void ReserveRecordMembers(NameAllocator names)
    {
        ReserveObjectMembers(names);
        foreach (var name in s_recordMembers)
        {
            names.Reserve(name, RecordMemberOwner);
        }
    }
}
