namespace McpFleet.Generator.Fleet;

/// <summary>
/// A Semantic Versioning 2.0 version, ordered by its precedence rules: major, minor and patch numerically, a
/// pre-release below its release, pre-release identifiers one by one (numeric ones numerically and below alphanumeric
/// ones, which compare in ASCII order; more identifiers win a tie), build metadata ignored.
/// </summary>
internal sealed class SemanticVersion : IComparable<SemanticVersion>
{
    private readonly string[] _release;
    private readonly string[] _preRelease;

    private SemanticVersion(string[] release, string[] preRelease)
    {
        _release = release;
        _preRelease = preRelease;
    }

    public static SemanticVersion? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var build = text.IndexOf('+');
        if (build >= 0 && !AreIdentifiers(text.Substring(build + 1).Split('.'), numericWithoutLeadingZeros: false))
        {
            return null;
        }

        var core = build >= 0 ? text.Substring(0, build) : text;
        var dash = core.IndexOf('-');
        var release = (dash >= 0 ? core.Substring(0, dash) : core).Split('.');
        var preRelease = dash >= 0 ? core.Substring(dash + 1).Split('.') : [];
        if (release.Length != 3 || !release.All(IsNumeric) || (dash >= 0 && !AreIdentifiers(preRelease, numericWithoutLeadingZeros: true)))
        {
            return null;
        }

        return new SemanticVersion(release, preRelease);
    }

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        for (var i = 0; i < 3; i++)
        {
            var byNumber = CompareNumbers(_release[i], other._release[i]);
            if (byNumber != 0)
            {
                return byNumber;
            }
        }

        // A version without pre-release identifiers is above every pre-release of it.
        if (_preRelease.Length == 0 || other._preRelease.Length == 0)
        {
            return (_preRelease.Length == 0).CompareTo(other._preRelease.Length == 0);
        }

        for (var i = 0; i < Math.Min(_preRelease.Length, other._preRelease.Length); i++)
        {
            var byIdentifier = CompareIdentifiers(_preRelease[i], other._preRelease[i]);
            if (byIdentifier != 0)
            {
                return byIdentifier;
            }
        }

        return _preRelease.Length.CompareTo(other._preRelease.Length);
    }

    private static int CompareIdentifiers(string left, string right)
    {
        var leftNumeric = left.All(IsDigit);
        var rightNumeric = right.All(IsDigit);
        return (leftNumeric, rightNumeric) switch
        {
            (true, true) => CompareNumbers(left, right),
            (true, false) => -1,
            (false, true) => 1,
            _ => Math.Sign(string.CompareOrdinal(left, right)),
        };
    }

    /// <summary>Compares digit strings of any length without converting them: no leading zeros, so longer is larger.</summary>
    private static int CompareNumbers(string left, string right) =>
        left.Length != right.Length ? left.Length.CompareTo(right.Length) : Math.Sign(string.CompareOrdinal(left, right));

    private static bool IsNumeric(string part) => part.Length > 0 && part.All(IsDigit) && (part.Length == 1 || part[0] != '0');

    private static bool AreIdentifiers(string[] parts, bool numericWithoutLeadingZeros) =>
        parts.All(part => part.Length > 0
            && part.All(c => IsDigit(c) || c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '-')
            && (!numericWithoutLeadingZeros || !part.All(IsDigit) || IsNumeric(part)));

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
