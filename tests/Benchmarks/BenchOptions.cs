using System.Globalization;

namespace McpFleet.Benchmarks;

/// <summary>A bench command's <c>--name value</c> options.</summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values;

    private BenchOptions(Dictionary<string, string> values) => _values = values;

    /// <exception cref="ArgumentException">An argument is not a <c>--name value</c> pair.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--name value' options, not '{string.Join(' ', args)}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new BenchOptions(values);
    }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int defaultValue) =>
        _values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : defaultValue;
}
