using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using McpFleet.Tools;
using ModelContextProtocol.Protocol;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>
/// A fleet generated from test snapshots, compiled without any warning and loaded, so that tests can check what the
/// generated code does: the JSON it writes and the values it reads.
/// </summary>
internal sealed class CompiledFleet : IDisposable
{
    private readonly GeneratedAssembly _assembly;

    private CompiledFleet(GeneratorOutput output, GeneratedAssembly assembly)
    {
        Output = output;
        _assembly = assembly;
    }

    public GeneratorOutput Output { get; }

    public static CompiledFleet Generate(params SnapshotInput[] inputs) => Generate(inputs, null);

    /// <summary>Generates with global options (<see cref="GeneratorHarness.Properties"/>), e.g. policy properties.</summary>
    public static CompiledFleet Generate(IEnumerable<SnapshotInput> inputs, IReadOnlyDictionary<string, string>? globalOptions)
    {
        var output = GeneratorHarness.Run(inputs, globalOptions).AssertNoException();
        var resources = inputs.Where(input => input.ResourceName is not null).Select(input => (input.ResourceName!, input.Text)).ToList();
        var assembly = GeneratedAssembly.Compile(output.Sources.Values, resources);
        if (assembly.Diagnostics.Count > 0)
        {
            var sources = string.Join("\n", output.Sources.Values);
            assembly.Dispose();
            throw new Xunit.Sdk.XunitException(
                "The generated code does not compile cleanly:\n" + string.Join("\n", assembly.Diagnostics) + "\n" + sources);
        }

        return new CompiledFleet(output, assembly);
    }

    /// <summary>A generated type of server <c>test</c> (namespace <c>MyApp.Test</c>), e.g. <c>TArguments</c>.</summary>
    public Type Type(string name, string server = "Test") => _assembly.Type($"MyApp.{server}.{name}");

    /// <summary>The generated fleet class, <c>MyApp.Fleet</c>.</summary>
    public Type FleetType() => _assembly.Type("MyApp.Fleet");

    /// <summary>A generated type in the fleet's namespace, e.g. a merged arguments record <c>MyApp.EchoMergedArguments</c>.</summary>
    public Type FleetNamespaceType(string name) => _assembly.Type($"MyApp.{name}");

    /// <summary>The fleet's manifest: its servers, unified tools and model-facing names.</summary>
    public FleetManifest Manifest() => (FleetManifest)FleetType().GetProperty("Manifest")!.GetValue(null)!;

    /// <summary>Creates an instance of any generated type and sets its properties.</summary>
    public static object Create(Type type, params (string Property, object? Value)[] values) => Set(Activator.CreateInstance(type)!, values);

    /// <summary>Creates a generated record and sets its properties (init-only setters are settable by reflection).</summary>
    public object Create(string typeName, params (string Property, object? Value)[] values) => Set(Activator.CreateInstance(Type(typeName))!, values);

    public static object Set(object instance, params (string Property, object? Value)[] values)
    {
        foreach (var (property, value) in values)
        {
            Property(instance.GetType(), property).SetValue(instance, value);
        }

        return instance;
    }

    /// <summary>A list of a generated item type, as <c>IReadOnlyList&lt;T&gt;</c> properties take it.</summary>
    public static Array List(Type itemType, params object?[] items)
    {
        var array = Array.CreateInstance(itemType, items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            array.SetValue(items[i], i);
        }

        return array;
    }

    /// <summary>The value of a generated enum member.</summary>
    public object Enum(string typeName, string member) => System.Enum.Parse(Type(typeName), member);

    /// <summary>The JSON the arguments write, as the runtime sends it.</summary>
    public static string WriteArguments(object arguments)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ((IToolArguments)arguments).WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a structured result the way the runtime does: through the result type's FromCallToolResult.</summary>
    public object ReadResult(string resultType, string structuredContentJson)
    {
        var result = new CallToolResult { StructuredContent = JsonDocument.Parse(structuredContentJson).RootElement.Clone() };
        var tool = new ToolDescriptor("test", "t", ToolHints.None);
        try
        {
            return Type(resultType).GetMethod("FromCallToolResult", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [result, tool])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    public static object? Get(object instance, string property) => Property(instance.GetType(), property).GetValue(instance);

    public static PropertyInfo Property(Type type, string name) =>
        type.GetProperty(name) ?? throw new Xunit.Sdk.XunitException($"{type.Name} has no property {name}; it has {string.Join(", ", type.GetProperties().Select(p => p.Name))}.");

    public void Dispose() => _assembly.Dispose();
}
