using System.Collections.Immutable;
using System.Text.Json;

namespace McpFleet.Configuration;

/// <summary>Turns the JSON of an <c>mcp.json</c> file into <see cref="ServerDefinition"/>s.</summary>
/// <param name="sourcePath">Where the JSON came from: named in errors, and the base of relative paths.</param>
/// <param name="getEnvironmentVariable">Looks environment variables up.</param>
/// <param name="readInput">Asks the user for the value of an input, or <see langword="null"/> when nobody can be asked.</param>
internal sealed class McpConfigurationParser(string? sourcePath, Func<string, string?> getEnvironmentVariable, Func<McpInput, string>? readInput = null)
{
    private static readonly JsonDocumentOptions s_documentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string[] s_serverSections = ["servers", "mcpServers"];

    /// <summary>The servers <see cref="Parse"/> left out because a variable they refer to is not set.</summary>
    public List<UnavailableServer> UnavailableServers { get; } = [];

    // The file's "inputs", and each value the user gave: one prompt per input, however many servers use it.
    private readonly Dictionary<string, McpInput> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _inputValues = new(StringComparer.Ordinal);

    public IReadOnlyList<ServerDefinition> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, s_documentOptions);
        }
        catch (JsonException e)
        {
            // JsonException counts lines and columns from zero.
            throw Error($"invalid JSON at line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Error("the root must be an object with a \"servers\" or \"mcpServers\" property.");
            }

            var sections = s_serverSections
                .Select(name => (Name: name, Found: document.RootElement.TryGetProperty(name, out var section), Section: section))
                .Where(s => s.Found)
                .ToList();
            if (sections.Count == 0)
            {
                throw Error("no \"servers\" or \"mcpServers\" property.");
            }

            ReadInputs(document.RootElement);
            var servers = new List<ServerDefinition>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (sectionName, _, section) in sections)
            {
                if (section.ValueKind != JsonValueKind.Object)
                {
                    throw Error($"\"{sectionName}\" must be an object whose properties are servers.");
                }

                foreach (var property in section.EnumerateObject())
                {
                    if (!names.Add(property.Name))
                    {
                        throw Error($"server '{property.Name}' is defined twice.");
                    }

                    if (ParseServerOrSetAside(property.Name, property.Value) is { } server)
                    {
                        servers.Add(server);
                    }
                }
            }

            return servers;
        }
    }

    /// <summary>Reads one server entry, as <c>mcp.json</c> or a discovery source holds it; <see langword="null"/> when disabled.</summary>
    public ServerDefinition? ParseServer(string name, JsonElement element)
    {
        var where = $"server '{name}'";
        if (name.Length == 0)
        {
            throw Error("a server has an empty name.");
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error($"{where} must be an object.");
        }

        if (GetBoolean(element, "disabled", where) == true)
        {
            return null;
        }

        var variables = new VariableSubstitution(getEnvironmentVariable, WorkspaceFolder, readInput is null ? null : ReadInput);
        var transport = ParseTransport(element, where);
        try
        {
            var server = transport == TransportKind.Stdio
                ? ParseStdioServer(name, element, where, variables)
                : ParseRemoteServer(name, transport, element, where, variables);
            return ApplyFleetSettings(server, element, where);
        }
        catch (FormatException e)
        {
            throw Error(e.Message, e);
        }
    }

    /// <summary>Reads one server of a file; one whose variables are not all set is set aside, so the others stay usable.</summary>
    private ServerDefinition? ParseServerOrSetAside(string name, JsonElement element)
    {
        try
        {
            return ParseServer(name, element);
        }
        catch (McpConfigurationException e) when (e.InnerException is UnsetVariableException)
        {
            UnavailableServers.Add(new UnavailableServer(name, e.Message));
            return null;
        }
    }

    /// <summary>VS Code's <c>"inputs": [{ "id", "type": "promptString" | "pickString", "description", "password", "default", "options" }]</c>.</summary>
    private void ReadInputs(JsonElement root)
    {
        if (!root.TryGetProperty("inputs", out var inputs) || inputs.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (inputs.ValueKind != JsonValueKind.Array)
        {
            throw Error("\"inputs\" must be an array.");
        }

        foreach (var (input, index) in inputs.EnumerateArray().Select((input, index) => (input, index)))
        {
            var where = $"inputs[{index}]";
            if (input.ValueKind != JsonValueKind.Object || GetString(input, "id", where) is not { Length: > 0 } id)
            {
                throw Error($"{where} must be an object with an \"id\".");
            }

            var options = input.TryGetProperty("options", out var choices) && choices.ValueKind == JsonValueKind.Array
                ? [.. choices.EnumerateArray().Select(choice => choice.ValueKind == JsonValueKind.String ? choice.GetString()! : choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("value", out var value) ? value.GetString() ?? "" : "")]
                : Array.Empty<string>();
            _inputs[id] = new McpInput(id, GetString(input, "description", where), GetBoolean(input, "password", where) == true, GetString(input, "default", where), options);
        }
    }

    private string ReadInput(string id)
    {
        if (_inputValues.TryGetValue(id, out var known))
        {
            return known;
        }

        var input = _inputs.GetValueOrDefault(id)
            ?? throw new InvalidOperationException($"no input '{id}' is defined in \"inputs\".");
        return _inputValues[id] = readInput!(input);
    }

    private ServerDefinition ParseStdioServer(string name, JsonElement element, string where, VariableSubstitution variables)
    {
        var command = GetString(element, "command", where) ?? throw Error($"{where}: \"command\" is required for a stdio server.");
        var environment = ReadStringMap(element, "env", where, variables);
        if (GetString(element, "envFile", where) is { } envFile)
        {
            environment = ReadEnvironmentFile(variables.Expand(envFile, $"{where}.envFile"), where).SetItems(environment);
        }

        var workingDirectory = GetString(element, "cwd", where) is { } cwd ? ResolvePath(variables.Expand(cwd, $"{where}.cwd")) : null;
        var (inheritAll, inheritedNames) = ReadInheritEnv(element, where);
        return new ServerDefinition
        {
            Name = name,
            Transport = TransportKind.Stdio,
            Command = variables.Expand(command, $"{where}.command"),
            Arguments = ReadStringArray(element, "args", where, variables),
            EnvironmentVariables = environment,
            InheritEnvironment = inheritAll,
            InheritedEnvironmentVariables = inheritedNames,
            WorkingDirectory = workingDirectory,
            ProtocolVersion = GetString(element, "protocolVersion", where),
            Secrets = CollectSecrets(environment.Values, variables),
        };
    }

    /// <summary>
    /// McpFleet's <c>inheritEnv</c>: <c>true</c> to pass this process's whole environment to a stdio server, or the names
    /// of the variables to pass besides the minimal default set.
    /// </summary>
    private (bool All, ImmutableArray<string> Names) ReadInheritEnv(JsonElement element, string where) =>
        !element.TryGetProperty("inheritEnv", out var value) ? (false, [])
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null ? (value.ValueKind == JsonValueKind.True, [])
        : value.ValueKind == JsonValueKind.Array
            ? (false, [.. value.EnumerateArray().Select((name, index) => name.ValueKind == JsonValueKind.String && name.GetString() is { Length: > 0 } text
                ? text
                : throw Error($"{where}: \"inheritEnv[{index}]\" must be the name of an environment variable."))])
        : throw Error($"{where}: \"inheritEnv\" must be true, false or an array of environment variable names.");

    private ServerDefinition ParseRemoteServer(string name, TransportKind transport, JsonElement element, string where, VariableSubstitution variables)
    {
        var url = GetString(element, "url", where) ?? throw Error($"{where}: \"url\" is required for a remote server.");
        var schemes = transport == TransportKind.WebSocket ? [Uri.UriSchemeWs, Uri.UriSchemeWss] : new[] { Uri.UriSchemeHttp, Uri.UriSchemeHttps };
        if (!Uri.TryCreate(variables.Expand(url, $"{where}.url"), UriKind.Absolute, out var endpoint) || !schemes.Contains(endpoint.Scheme))
        {
            throw Error($"{where}: \"url\" must be an absolute {string.Join(" or ", schemes)} URL.");
        }

        var headers = ReadStringMap(element, "headers", where, variables);
        return new ServerDefinition
        {
            Name = name,
            Transport = transport,
            Endpoint = endpoint,
            Headers = headers,
            ProtocolVersion = GetString(element, "protocolVersion", where),
            Secrets = CollectSecrets(headers.Values, variables),
        };
    }

    /// <summary>McpFleet's own settings, which other clients ignore: routing metadata, timeouts and concurrency.</summary>
    private ServerDefinition ApplyFleetSettings(ServerDefinition server, JsonElement element, string where) => server with
    {
        ReplicaOf = GetString(element, "replicaOf", where),
        Tags = element.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? [.. tags.EnumerateArray().Select((tag, index) => tag.ValueKind == JsonValueKind.String ? tag.GetString()! : throw Error($"{where}: \"tags[{index}]\" must be a string."))]
            : element.TryGetProperty("tags", out _) ? throw Error($"{where}: \"tags\" must be an array of strings.") : [],
        Weight = GetInteger(element, "weight", where, minimum: 1) ?? 1,
        Priority = GetInteger(element, "priority", where, minimum: int.MinValue) ?? 0,
        MaxConcurrency = GetInteger(element, "maxConcurrency", where, minimum: 1),
        CallTimeout = GetSeconds(element, "timeout", where),
        ConnectTimeout = GetSeconds(element, "connectTimeout", where),
    };

    private int? GetInteger(JsonElement element, string property, string where, int minimum) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= minimum ? number
        : throw Error($"{where}: \"{property}\" must be an integer{(minimum == int.MinValue ? "" : $" of at least {minimum}")}.");

    private TimeSpan? GetSeconds(JsonElement element, string property, string where) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds)
        : throw Error($"{where}: \"{property}\" must be a positive number of seconds.");

    /// <summary>Environment values, header values and every substituted variable are secrets.</summary>
    private static ImmutableArray<string> CollectSecrets(IEnumerable<string> values, VariableSubstitution variables) =>
        SecretRedactor.Collect(values.Concat(variables.SubstitutedValues));

    private TransportKind ParseTransport(JsonElement element, string where)
    {
        var type = GetString(element, "type", where) ?? GetString(element, "transport", where);
        return type switch
        {
            null when element.TryGetProperty("command", out _) => TransportKind.Stdio,
            null when element.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String && IsWebSocketUrl(url.GetString()!) => TransportKind.WebSocket,
            null when element.TryGetProperty("url", out _) => TransportKind.Http,
            null => throw Error($"{where}: needs a \"command\" (stdio) or a \"url\" (remote)."),
            "stdio" or "local" => TransportKind.Stdio,
            "http" or "remote" => TransportKind.Http,
            "streamable-http" or "streamableHttp" or "streamable_http" => TransportKind.StreamableHttp,
            "sse" => TransportKind.Sse,
            "ws" or "websocket" => TransportKind.WebSocket,
            _ => throw Error($"{where}: unknown \"type\" '{type}'; expected stdio, http, streamable-http, sse or ws."),
        };
    }

    private static bool IsWebSocketUrl(string url) =>
        url.StartsWith("ws://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("wss://", StringComparison.OrdinalIgnoreCase);

    private ImmutableDictionary<string, string> ReadEnvironmentFile(string path, string where)
    {
        var fullPath = ResolvePath(path)!;
        string[] lines;
        try
        {
            lines = File.ReadAllLines(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error($"{where}: cannot read envFile '{fullPath}': {e.Message}", e);
        }

        var variables = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // The line may hold a secret, so it is not quoted.
                throw Error($"{where}: envFile '{fullPath}' has a line that is not NAME=value.");
            }

            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            variables[line[..equals].Trim()] = value;
        }

        return variables.ToImmutable();
    }

    private ImmutableDictionary<string, string> ReadStringMap(JsonElement element, string property, string where, VariableSubstitution variables)
    {
        if (!element.TryGetProperty(property, out var map) || map.ValueKind == JsonValueKind.Null)
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            throw Error($"{where}: \"{property}\" must be an object of strings.");
        }

        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var entry in map.EnumerateObject())
        {
            var value = entry.Value.ValueKind switch
            {
                JsonValueKind.String => entry.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => entry.Value.GetRawText(),
                _ => throw Error($"{where}: \"{property}.{entry.Name}\" must be a string."),
            };
            result[entry.Name] = variables.Expand(value, $"{where}.{property}.{entry.Name}");
        }

        return result.ToImmutable();
    }

    private ImmutableArray<string> ReadStringArray(JsonElement element, string property, string where, VariableSubstitution variables)
    {
        if (!element.TryGetProperty(property, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Error($"{where}: \"{property}\" must be an array of strings.");
        }

        return [.. array.EnumerateArray().Select((item, index) => item.ValueKind == JsonValueKind.String
            ? variables.Expand(item.GetString()!, $"{where}.{property}[{index}]")
            : throw Error($"{where}: \"{property}[{index}]\" must be a string."))];
    }

    private string? GetString(JsonElement element, string property, string where) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw Error($"{where}: \"{property}\" must be a string.");

    private bool? GetBoolean(JsonElement element, string property, string where) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw Error($"{where}: \"{property}\" must be true or false.");

    /// <summary>
    /// The folder VS Code calls the workspace: the parent of <c>.vscode</c> for <c>.vscode/mcp.json</c>, otherwise the
    /// folder holding the file. Relative paths resolve against it.
    /// </summary>
    private string? WorkspaceFolder
    {
        get
        {
            var directory = sourcePath is null ? null : Path.GetDirectoryName(Path.GetFullPath(sourcePath));
            return directory is not null && Path.GetFileName(directory) == ".vscode" ? Path.GetDirectoryName(directory) : directory;
        }
    }

    private string? ResolvePath(string? path) =>
        path is null ? null : Path.GetFullPath(path, WorkspaceFolder ?? Directory.GetCurrentDirectory());

    private McpConfigurationException Error(string message, Exception? inner = null) => new(sourcePath, message, inner);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
