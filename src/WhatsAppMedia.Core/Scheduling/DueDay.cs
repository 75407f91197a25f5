namespace WhatsAppMedia.Core.Scheduling;

/// <summary>One UTC day of a dry run: how many of the tenant's scheduled deletions are due that day.</summary>
internal sealed record DueDay(DateOnly Date, int Count);
