#if !NET9_0_OR_GREATER
namespace McpFleet;

/// <summary>.NET 9's <c>Convert.ToHexStringLower</c> for the net8.0 build.</summary>
internal static class ConvertPolyfills
{
    extension(Convert)
    {
        public static string ToHexStringLower(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
#endif
