using System.ComponentModel;

namespace McpFleet.Tools;

/// <summary>Checks the generated arguments records make on a value as they write it, so that a value JSON cannot carry
/// fails naming its argument before anything is sent.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ArgumentValues
{
    /// <summary>Returns <paramref name="value"/> when it is a finite number.</summary>
    /// <param name="value">The value to write.</param>
    /// <param name="name">The argument's wire name.</param>
    /// <returns><paramref name="value"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or an infinity, for which JSON has no number.</exception>
    public static double RequireFinite(double value, string name) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"'{name}' is {value}: JSON has no number for NaN or infinity.");
}
