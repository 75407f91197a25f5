metadata description = 'Key Vault in Azure RBAC mode with soft delete and purge protection; it holds one tenant-{tenantId} secret per tenant.'

@minLength(3)
@maxLength(24)
@description('Vault name: 3-24 letters, digits and hyphens, starting with a letter, globally unique.')
param name string

@description('Region of the vault.')
param location string

@description('Tags applied to the vault.')
param tags object

@minValue(7)
@maxValue(90)
@description('Days a deleted vault or secret stays recoverable. Azure fixes this at creation: later changes are refused.')
param softDeleteRetentionInDays int = 90

@allowed([
  'Enabled'
  'Disabled'
])
@description('Disabled leaves the private endpoint as the only data-plane path.')
param publicNetworkAccess string = 'Enabled'

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access is granted with role assignments (Key Vault Secrets User / Officer), never access policies.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // Once on it cannot be turned off; a deleted vault (and its name) is kept for the retention period.
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: publicNetworkAccess == 'Enabled' ? 'Allow' : 'Deny'
    }
  }
}

@description('Resource id, the private endpoint\'s target and role assignments\' scope.')
output id string = vault.id

@description('Vault name.')
output name string = vault.name

@description('Vault URI (https://<name>.vault.azure.net/), the app\'s KeyVault__VaultUri.')
output uri string = vault.properties.vaultUri
