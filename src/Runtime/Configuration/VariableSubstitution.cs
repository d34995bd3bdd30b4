using System.Text;

namespace McpFleet.Configuration;

/// <summary>
/// Expands the <c>${env:NAME}</c>, <c>${NAME}</c>, <c>${workspaceFolder}</c> and <c>${userHome}</c> references that
/// VS Code and the desktop clients allow in <c>mcp.json</c>, and remembers every substituted value as a secret.
/// </summary>
/// <param name="getEnvironmentVariable">Looks environment variables up.</param>
/// <param name="workspaceFolder">The value of <c>${workspaceFolder}</c>.</param>
/// <param name="readInput">The value of <c>${input:ID}</c>, or <see langword="null"/> when nobody can be asked.</param>
internal sealed class VariableSubstitution(Func<string, string?> getEnvironmentVariable, string? workspaceFolder, Func<string, string>? readInput = null)
{
    private readonly HashSet<string> _substitutedValues = new(StringComparer.Ordinal);

    /// <summary>Every value that came from a variable. They are treated as secrets from then on.</summary>
    public IReadOnlyCollection<string> SubstitutedValues => _substitutedValues;

    /// <summary>Expands the references in <paramref name="value"/>; <paramref name="where"/> names the field in errors.</summary>
    public string Expand(string value, string where)
    {
        var start = value.IndexOf("${", StringComparison.Ordinal);
        if (start < 0)
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        var position = 0;
        while (start >= 0)
        {
            var end = value.IndexOf('}', start + 2);
            if (end < 0)
            {
                throw new FormatException($"{where}: '${{' without a closing '}}'.");
            }

            result.Append(value, position, start - position).Append(Resolve(value[(start + 2)..end], where));
            position = end + 1;
            start = value.IndexOf("${", position, StringComparison.Ordinal);
        }

        return result.Append(value, position, value.Length - position).ToString();
    }

    private string Resolve(string reference, string where)
    {
        switch (reference)
        {
            case "workspaceFolder":
                return workspaceFolder ?? throw new FormatException($"{where}: ${{workspaceFolder}} needs a configuration file.");
            case "userHome":
                return Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        if (reference.StartsWith("input:", StringComparison.Ordinal))
        {
            return ReadInput(reference["input:".Length..], where);
        }

        var name = reference.StartsWith("env:", StringComparison.Ordinal) ? reference["env:".Length..] : reference;
        if (name.Length == 0)
        {
            throw new FormatException($"{where}: empty variable reference '${{{reference}}}'.");
        }

        // The message names the variable, never a value.
        var value = getEnvironmentVariable(name)
            ?? throw new UnsetVariableException($"{where}: environment variable '{name}' is not set.");
        _substitutedValues.Add(value);
        return value;
    }

    private string ReadInput(string id, string where)
    {
        if (readInput is null)
        {
            throw new FormatException(
                $"{where}: ${{input:{id}}} asks for interactive input, which only mcpfleet at a terminal can prompt for; use ${{env:NAME}} instead.");
        }

        string value;
        try
        {
            value = readInput(id);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"{where}: ${{input:{id}}}: {e.Message}", e);
        }

        _substitutedValues.Add(value);
        return value;
    }
}
