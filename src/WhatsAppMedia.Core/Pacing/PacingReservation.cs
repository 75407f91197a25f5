namespace WhatsAppMedia.Core.Pacing;

/// <summary>Consecutive slots of one tenant's schedule: slot <c>i</c> is <see cref="FirstSlot"/> + i × <see cref="Interval"/>.</summary>
internal sealed record PacingReservation(DateTimeOffset FirstSlot, TimeSpan Interval, int Count)
{
    public DateTimeOffset SlotAt(int index) => FirstSlot + (Interval * index);

    /// <summary>The last slot held: when the last request may go.</summary>
    public DateTimeOffset LastSlot => SlotAt(Count - 1);
}
