using Microsoft.CodeAnalysis;

namespace McpFleet.Generator;

/// <summary>Pipeline helpers Roslyn does not provide.</summary>
internal static class IncrementalValuesProviderExtensions
{
    /// <summary>Drops null values, and says so in the type.</summary>
    public static IncrementalValuesProvider<T> WhereNotNull<T>(this IncrementalValuesProvider<T?> values)
        where T : class =>
        values.Where(static value => value is not null).Select(static (value, _) => value!);
}
