using System.ComponentModel.DataAnnotations;
using McpFleet.Configuration;
using McpFleet.DependencyInjection;
using McpFleet.Drift;
using McpFleet.Snapshots;
using Microsoft.Extensions.Configuration;

namespace McpFleet.Tests.Drift;

/// <summary>The drift policy: defaults, per-server overrides, validation and configuration binding.</summary>
public sealed class DriftOptionsTests
{
    [Fact]
    public void Defaults_allow_compatible_changes_warn_on_descriptions_and_block_the_rest_per_tool()
    {
        var policy = new DriftOptions().PolicyFor(Server("svc"));

        Assert.Equal(new DriftPolicy(DriftAction.Allow, DriftAction.Block, DriftAction.Block, DriftAction.Warn, DriftBlockScope.Tools), policy);
    }

    [Fact]
    public void A_servers_override_replaces_only_what_it_sets()
    {
        var options = new DriftOptions { DescriptionChange = DriftAction.Block };
        options.Servers["svc"] = new DriftServerOptions { Breaking = DriftAction.Warn, BlockScope = DriftBlockScope.Server };

        Assert.Equal(new DriftPolicy(DriftAction.Allow, DriftAction.Warn, DriftAction.Block, DriftAction.Block, DriftBlockScope.Server), options.PolicyFor(Server("svc")));
        Assert.Equal(new DriftPolicy(DriftAction.Allow, DriftAction.Block, DriftAction.Block, DriftAction.Block, DriftBlockScope.Tools), options.PolicyFor(Server("other")));
    }

    [Fact]
    public void A_replica_takes_its_own_override_first_then_its_services()
    {
        var options = new DriftOptions();
        options.Servers["svc"] = new DriftServerOptions { Breaking = DriftAction.Warn };
        options.Servers["svc-2"] = new DriftServerOptions { Breaking = DriftAction.Allow };

        Assert.Equal(DriftAction.Warn, options.PolicyFor(Server("svc-1") with { ReplicaOf = "svc" }).Breaking);
        Assert.Equal(DriftAction.Allow, options.PolicyFor(Server("svc-2") with { ReplicaOf = "svc" }).Breaking);
    }

    [Fact]
    public void An_undefined_action_is_refused_at_start_up()
    {
        var options = new FleetOptions { Drift = { Breaking = (DriftAction)7 } };

        var error = Assert.Throws<ValidationException>(() => new FleetRuntime(options));

        Assert.Equal("Drift.Breaking must be one of Allow, Warn, Block; it is 7.", error.Message);
    }

    [Fact]
    public void An_undefined_scope_in_an_override_is_refused_at_start_up()
    {
        var options = new FleetOptions();
        options.Drift.Servers["svc"] = new DriftServerOptions { BlockScope = (DriftBlockScope)3 };

        var error = Assert.Throws<ValidationException>(() => new FleetRuntime(options));

        Assert.Equal("Drift.Servers['svc'].BlockScope must be one of Tools, Server; it is 3.", error.Message);
    }

    [Fact]
    public void Missing_drift_options_are_refused_at_start_up()
    {
        var error = Assert.Throws<ValidationException>(() => new FleetRuntime(new FleetOptions { Drift = null! }));

        Assert.Contains("Drift", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_tools_that_are_not_a_json_array_are_refused()
    {
        var error = Assert.Throws<SnapshotFormatException>(() => SnapshotTools.FromJson("""{"tools":[]}"""));

        Assert.Equal("The snapshot tools are not a JSON array of tool definitions.", error.Message);
    }

    [Fact]
    public void An_embedded_snapshot_that_is_missing_is_refused_at_start_up()
    {
        var manifest = new FleetManifest([new ServerDescriptor("svc", null, [], SnapshotTools.FromResource(typeof(DriftOptionsTests).Assembly, "McpFleet/svc.snapshot.json"))]);

        var error = Assert.Throws<ValidationException>(() => new FleetRuntime(new FleetOptions { AllowUnconfiguredServers = true }, manifest));

        Assert.Equal(
            "The manifest's snapshot tools of server 'svc' are missing: assembly 'McpFleet.Tests' has no resource 'McpFleet/svc.snapshot.json'. "
            + "The McpFleet package's MSBuild files embed each McpSnapshot item; build with them.",
            error.Message);
    }

    [Fact]
    public void Is_read_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Drift:Compatible"] = "warn",
            ["Drift:DescriptionChange"] = "Block",
            ["Drift:BlockScope"] = "Server",
            ["Drift:Servers:weather:Breaking"] = "Warn",
            ["Drift:Servers:weather:AnnotationEscalation"] = "allow",
        }).Build();
        var options = new FleetOptions();

        FleetConfigurationReader.Read(configuration, options);

        Assert.Equal(new DriftPolicy(DriftAction.Warn, DriftAction.Block, DriftAction.Block, DriftAction.Block, DriftBlockScope.Server), options.Drift.PolicyFor(Server("other")));
        Assert.Equal(new DriftPolicy(DriftAction.Warn, DriftAction.Warn, DriftAction.Allow, DriftAction.Block, DriftBlockScope.Server), options.Drift.PolicyFor(Server("weather")));
    }

    [Theory]
    [InlineData("Drift:Breaking", "Ignore", "'Breaking' must be one of Allow, Warn, Block; it is 'Ignore'.")]
    [InlineData("Drift:Breaking", "2", "'Breaking' must be one of Allow, Warn, Block; it is '2'.")]
    [InlineData("Drift:Servers:svc:BlockScope", "Fleet", "'BlockScope' must be one of Tools, Server; it is 'Fleet'.")]
    public void Invalid_configuration_names_the_setting(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var error = Assert.Throws<ValidationException>(() => FleetConfigurationReader.Read(configuration, new FleetOptions()));

        Assert.Equal(message, error.Message);
    }

    private static ServerDefinition Server(string name) => ServerDefinition.Stdio(name, "unused", []);
}
