using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace McpFleet.DependencyInjection;

/// <summary>Validates a registered fleet's options as its runtime would, so that the host reports a bad configuration
/// when it starts.</summary>
internal sealed class FleetOptionsValidator(string name, FleetManifest manifest) : IValidateOptions<FleetOptions>
{
    public ValidateOptionsResult Validate(string? optionsName, FleetOptions options)
    {
        if (optionsName != name)
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            options.Validate(manifest);
            return ValidateOptionsResult.Success;
        }
        catch (ValidationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
