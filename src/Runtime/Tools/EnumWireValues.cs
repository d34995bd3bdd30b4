using System.ComponentModel;

namespace McpFleet.Tools;

/// <summary>
/// What a generated enum's wire-value helper calls: the helper holds the schema's strings in member order (member
/// <c>i</c> is string <c>i</c>), so converting is a lookup here instead of a <c>switch</c> per enum to compile.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EnumWireValues
{
    /// <summary>The string for the member whose value is <paramref name="member"/>.</summary>
    /// <param name="values">The schema's strings, in member order.</param>
    /// <param name="member">The enum value as an integer.</param>
    /// <param name="name">The argument's wire name, for the exception.</param>
    /// <returns>The wire string.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="member"/> is not a member of the enum.</exception>
    public static string ToWireValue(string[] values, int member, string name)
    {
        ArgumentNullException.ThrowIfNull(values);
        return (uint)member < (uint)values.Length
            ? values[member]
            : throw new ArgumentOutOfRangeException(name, member, $"'{name}' {member} is not one of the values the tool's schema allows: {string.Join(", ", values)}.");
    }

    /// <summary>The member value for <paramref name="value"/>, or -1 when the schema does not allow the string.</summary>
    /// <param name="values">The schema's strings, in member order.</param>
    /// <param name="value">The string from the wire.</param>
    /// <returns>The member's value, or -1.</returns>
    public static int FromWireValue(string[] values, string? value) => value is null ? -1 : Array.IndexOf(values, value);
}
