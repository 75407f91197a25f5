namespace WhatsAppMedia.Sandbox;

/// <summary>
/// The accounts every sandbox accepts from the start, the demo media it can seed, and the demo tenant that uses each.
/// The local settings sample points its demo tenants at these, so a fresh clone works with no real provider account.
/// None of them is a secret. Each provider's part lives in its imitation's folder, beside the imitation that registers it.
/// </summary>
public static partial class SandboxAccounts
{
}
