using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpFleet.Tools;
using ModelContextProtocol;

namespace McpFleet.Calls;

/// <summary>
/// A call's <c>tools/call</c> parameters, written once: the generated <see cref="IToolArguments.WriteTo"/> writes straight
/// into <c>{"name": …, "arguments": …}</c>, and every attempt sends that same JSON. <see cref="Arguments"/> reads it for
/// the cache key and for routing by an argument; a merged group's member gets a copy holding only what it accepts.
/// </summary>
internal sealed class ToolRequest
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly JsonElement _parameters;
    private ArgumentsView? _view;

    private ToolRequest(JsonElement parameters, IProgress<ProgressNotificationValue>? progress = null)
    {
        _parameters = parameters;
        Progress = progress;
        Arguments = parameters.GetProperty("arguments");
    }

    /// <summary>Receives the progress notifications of the server that runs the call; <see langword="null"/> asks for none.</summary>
    public IProgress<ProgressNotificationValue>? Progress { get; }

    /// <summary>The arguments object.</summary>
    public JsonElement Arguments { get; }

    /// <summary>The arguments as routing strategies read them (created on first use: only routed calls need it).</summary>
    public IReadOnlyDictionary<string, JsonElement> ArgumentsView => _view ??= new ArgumentsView(Arguments);

    /// <summary>Writes the request for <paramref name="toolName"/> with typed arguments.</summary>
    /// <exception cref="ArgumentException">An argument's value cannot be written as JSON (the inner exception names it).</exception>
    public static ToolRequest Create(string toolName, IToolArguments arguments, IProgress<ProgressNotificationValue>? progress = null)
    {
        try
        {
            var request = Write(toolName, arguments, static (writer, arguments) => arguments.WriteTo(writer));
            return progress is null ? request : new ToolRequest(request._parameters, progress);
        }
        catch (ArgumentException e)
        {
            // The generated records name the argument (a NaN, an undefined enum value); the tool's name completes it.
            throw new ArgumentException($"Tool '{toolName}' was not called: {e.Message}", e);
        }
    }

    /// <summary>Writes the request for <paramref name="toolName"/> with a JSON object of arguments.</summary>
    public static ToolRequest Create(string toolName, JsonElement arguments) => Write(toolName, arguments, static (writer, arguments) => arguments.WriteTo(writer));

    /// <summary>The parameters an attempt sends: a node of its own (the SDK may add <c>_meta</c> to it) over the JSON
    /// written once, or for a merged group's member only the arguments it accepts.</summary>
    public JsonObject ParametersFor(IReadOnlyList<string>? acceptedArguments) =>
        JsonObject.Create(acceptedArguments is null ? _parameters : Select(acceptedArguments))!;

    private JsonElement Select(IReadOnlyList<string> accepted) =>
        Write(_parameters.GetProperty("name").GetString()!, (Arguments, accepted), static (writer, state) =>
        {
            writer.WriteStartObject();
            foreach (var property in state.Arguments.EnumerateObject())
            {
                if (state.accepted.Contains(property.Name, StringComparer.Ordinal))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        })._parameters;

    private static ToolRequest Write<TState>(string toolName, TState state, Action<Utf8JsonWriter, TState> writeArguments)
    {
        // One writer and buffer per thread: writing is synchronous, so nothing else can use them meanwhile.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteString("name", toolName);
        writer.WritePropertyName("arguments");
        writeArguments(writer, state);
        writer.WriteEndObject();
        writer.Flush();
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        var parameters = JsonElement.ParseValue(ref reader);
        if (parameters.GetProperty("arguments").ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"The arguments of tool '{toolName}' must be a JSON object.");
        }

        return new ToolRequest(parameters);
    }
}
