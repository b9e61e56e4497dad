using System.Globalization;

namespace CoachBot.Coaching.Crm.Pipeline;

/// <summary>Amounts summed per currency: a pipeline in two currencies is shown as two sums, never converted.</summary>
public sealed record MoneyTotal(IReadOnlyDictionary<string, decimal> ByCurrency, int Deals)
{
    public static MoneyTotal Of(IEnumerable<(decimal? Amount, string? Currency)> amounts)
    {
        var list = amounts.ToList();
        var sums = list.Where(a => a.Amount is not null)
            .GroupBy(a => string.IsNullOrWhiteSpace(a.Currency) ? "" : a.Currency!.Trim().ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.Sum(a => a.Amount!.Value));
        return new MoneyTotal(sums, list.Count);
    }

    /// <summary>"48,500 USD + 3,000 EUR", or "0" when no deal has an amount.</summary>
    public override string ToString() => ByCurrency.Count == 0
        ? "0"
        : string.Join(" + ", ByCurrency.OrderByDescending(c => c.Value).Select(c =>
            (Math.Round(c.Value).ToString("N0", CultureInfo.InvariantCulture) + " " + c.Key).TrimEnd()));
}
