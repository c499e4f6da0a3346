using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Timpora.Bot.Conversations;

/// <summary>Data-annotation checks whose messages name the configuration key, e.g. "Office:Name: ...".</summary>
internal sealed class SectionValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
    }
}
