using System.Diagnostics.Metrics;
using McpFleet;
using McpFleet.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers generated fleets with dependency injection.</summary>
public static class McpFleetServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TFleet"/> as a singleton over its own runtime. Its options (named after the fleet
    /// type) come from <paramref name="configuration"/> (see the <c>McpFleet</c> section format in the README; a relative
    /// <c>McpJson</c> path is read from the host's content root, or the current folder without a host) and then
    /// <paramref name="configure"/>. They are read and validated when the host starts, so a bad configuration stops the
    /// application there rather than at the first call (without a host, when the fleet is first resolved). The fleet uses the container's
    /// <see cref="ILoggerFactory"/>, <see cref="IMeterFactory"/> and <see cref="TimeProvider"/> when registered, and the
    /// container disposes it.
    /// </summary>
    /// <typeparam name="TFleet">The generated fleet type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The fleet's configuration section, if any.</param>
    /// <param name="configure">Configures the options in code, after the configuration.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddMcpFleet<TFleet>(this IServiceCollection services, IConfiguration? configuration = null, Action<FleetOptions>? configure = null)
        where TFleet : class, IFleet<TFleet>
    {
        ArgumentNullException.ThrowIfNull(services);
        var name = typeof(TFleet).FullName!;
        var options = services.AddOptions<FleetOptions>(name);
        if (configuration is not null)
        {
            options.Configure<IServiceProvider>((fleetOptions, provider) =>
                FleetConfigurationReader.Read(configuration, fleetOptions, provider.GetService<IHostEnvironment>()?.ContentRootPath));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<IValidateOptions<FleetOptions>>(new FleetOptionsValidator(name, TFleet.Manifest));
        options.ValidateOnStart();

        services.AddSingleton(provider =>
        {
            var fleetOptions = provider.GetRequiredService<IOptionsMonitor<FleetOptions>>().Get(name);
            fleetOptions.MeterFactory ??= provider.GetService<IMeterFactory>();
            if (fleetOptions.TimeProvider == TimeProvider.System && provider.GetService<TimeProvider>() is { } timeProvider)
            {
                fleetOptions.TimeProvider = timeProvider;
            }

            return TFleet.Create(new FleetRuntime(fleetOptions, TFleet.Manifest, provider.GetService<ILoggerFactory>()));
        });
        return services;
    }
}
