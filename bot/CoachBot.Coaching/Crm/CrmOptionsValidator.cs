using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Crm;

public sealed class CrmOptionsValidator : IValidateOptions<CrmOptions>
{
    public ValidateOptionsResult Validate(string? name, CrmOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.SecretKey) && !CrmSecretCipher.IsValidKey(options.SecretKey))
        {
            failures.Add("Crm:SecretKey must be base64 of exactly 32 bytes (openssl rand -base64 32).");
        }

        var minutes = options.SyncEvery.TotalMinutes;
        if (minutes is < 1 or > 60 || minutes != Math.Floor(minutes) || 60 % (int)minutes != 0)
        {
            failures.Add("Crm:SyncEvery must be whole minutes that divide an hour (00:05:00, 00:15:00, 00:30:00, 01:00:00).");
        }

        if (options.CursorOverlap < TimeSpan.Zero || options.CursorOverlap > TimeSpan.FromHours(1))
        {
            failures.Add("Crm:CursorOverlap must be between 00:00:00 and 01:00:00.");
        }

        if (options.Lease < TimeSpan.FromSeconds(30) || options.Lease > TimeSpan.FromHours(1))
        {
            failures.Add("Crm:Lease must be between 00:00:30 and 01:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
