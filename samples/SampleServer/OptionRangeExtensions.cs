using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace McpFleet.SampleServer;

/// <summary>Range validation for numeric System.CommandLine options, with a message that names the option.</summary>
internal static class OptionRangeExtensions
{
    /// <summary>Adds a validator that rejects values outside [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Option<T> InRange<T>(this Option<T> option, T minimum, T maximum)
        where T : struct, INumber<T>
    {
        option.Validators.Add(result => RequireRange(result, result.GetValueOrDefault<T>(), minimum, maximum));
        return option;
    }

    /// <summary>Adds a validator that rejects given values outside [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Option<T?> InRange<T>(this Option<T?> option, T minimum, T maximum)
        where T : struct, INumber<T>
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T?>() is T value)
            {
                RequireRange(result, value, minimum, maximum);
            }
        });
        return option;
    }

    private static void RequireRange<T>(OptionResult result, T value, T minimum, T maximum)
        where T : INumber<T>
    {
        if (value < minimum || value > maximum)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{result.Option.Name} must be between {minimum} and {maximum}, not {value}."));
        }
    }
}
