using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>Documents a property or parameter from its schema: description, then default, constant and allowed values.</summary>
internal static class PropertyDocs
{
    /// <param name="property">The property.</param>
    /// <param name="noun">What the property is when it has no description, e.g. "argument".</param>
    public static string For(PropertySpec property, string noun)
    {
        var text = property.Description is { } description && DocText.Text(description) is { Length: > 0 } escaped
            ? escaped
            : $"The {DocText.Code(property.WireName)} {noun}.";

        var notes = new List<string>();
        if (property.ConstJson is { } constant)
        {
            notes.Add($"Always {DocText.Code(constant)}.");
        }

        if (property.AllowedValuesJson.Count > 0)
        {
            notes.Add($"Allowed values: {string.Join(", ", property.AllowedValuesJson.Select(DocText.Code))}.");
        }

        // Defaults are documented, not applied: an unset optional argument is left out and the server applies its own.
        if (property.DefaultJson is { } defaultValue)
        {
            notes.Add($"Default: {DocText.Code(defaultValue)}.");
        }

        return notes.Count == 0 ? text : DocText.EndSentence(text) + " " + string.Join(" ", notes);
    }
}
