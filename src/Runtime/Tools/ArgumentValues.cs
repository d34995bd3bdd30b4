using System.ComponentModel;
using System.Text.Json;

namespace McpFleet.Tools;

/// <summary>What the generated records call as they write themselves: a scalar property in one call (one method per
/// kind, so the compiler resolves no overloads across a fleet's thousands of records), checks that make a value JSON
/// cannot carry fail naming its argument before anything is sent, and the writing of the properties a record does not
/// declare.</summary>
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

    /// <summary>Writes a string property; <see langword="null"/> is written as JSON null.</summary>
    /// <param name="writer">The writer, inside the record's object.</param>
    /// <param name="name">The property's wire name.</param>
    /// <param name="value">The value.</param>
    public static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString(name, value);
    }

    /// <summary>Writes a string property unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="writer">The writer, inside the record's object.</param>
    /// <param name="name">The property's wire name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave the property out.</param>
    public static void WriteOptionalString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            WriteString(writer, name, value);
        }
    }

    /// <summary>Writes an integer property; <see langword="null"/> is written as JSON null.</summary>
    /// <param name="writer">The writer, inside the record's object.</param>
    /// <param name="name">The property's wire name.</param>
    /// <param name="value">The value.</param>
    public static void WriteInteger(Utf8JsonWriter writer, string name, long? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes an integer property unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="writer">The writer, inside the record's object.</param>
    /// <param name="name">The property's wire name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave the property out.</param>
    public static void WriteOptionalInteger(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is not null)
        {
            WriteInteger(writer, name, value);
        }
    }

    /// <summary>Writes a number property; <see langword="null"/> is written as JSON null.</summary>
    /// <param name="writer">The writer, inside the record's object.</param>
    /// <param name="name">The property's wire name.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or an infinity, for which JSON has no number.</exception>
    public static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number)
        {
            writer.WriteNumber(name, RequireFinite(number, name));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a number property unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="writer">The writer, inside the record's object.</param>
    /// <param name="name">The property's wire name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave the property out.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or an infinity, for which JSON has no number.</exception>
    public static void WriteOptionalNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is not null)
        {
            WriteNumber(writer, name, value);
        }
    }

    /// <summary>Writes a Boolean property; <see langword="null"/> is written as JSON null.</summary>
    /// <param name="writer">The writer, inside the record's object.</param>
    /// <param name="name">The property's wire name.</param>
    /// <param name="value">The value.</param>
    public static void WriteBoolean(Utf8JsonWriter writer, string name, bool? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a Boolean property unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="writer">The writer, inside the record's object.</param>
    /// <param name="name">The property's wire name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave the property out.</param>
    public static void WriteOptionalBoolean(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is not null)
        {
            WriteBoolean(writer, name, value);
        }
    }

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
