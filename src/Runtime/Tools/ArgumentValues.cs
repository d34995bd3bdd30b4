using System.ComponentModel;
using System.Text.Json;

namespace McpFleet.Tools;

/// <summary>What the generated records call as they write themselves: checks that make a value JSON cannot carry fail
/// naming its argument before anything is sent, and the writing of the properties a record does not declare.</summary>
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

    /// <summary>Writes the properties beyond the declared ones, after them; one with a declared name is left out.</summary>
    /// <param name="writer">The writer, inside the record's object.</param>
    /// <param name="properties">The record's extra properties, or <see langword="null"/>.</param>
    /// <param name="isDeclared">Whether a name is one of the record's declared wire names.</param>
    public static void WriteAdditionalProperties(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? properties, Func<string, bool> isDeclared)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(isDeclared);
        if (properties is null)
        {
            return;
        }

        foreach (var (name, value) in properties)
        {
            if (!isDeclared(name))
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
        }
    }
}
