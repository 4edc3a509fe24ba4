-- A pocket code set for the demo when ../shared/data is absent: the codes the
-- hand-written claims use, with descriptions written for the demo.  With the
-- shared data, demo/run loads the real FY2025 ICD-10-CM, HCPCS, MCE and
-- place-of-service files instead.
INSERT INTO cleanclaim.icd10cm_codes (code, billable, description, valid_from) VALUES
	('E11.9', true, 'Type 2 diabetes mellitus without complications', '2015-10-01'),
	('I10', true, 'Essential (primary) hypertension', '2015-10-01'),
	('J06.9', true, 'Acute upper respiratory infection, unspecified', '2015-10-01'),
	('S72.001', false, 'Fracture of unspecified part of neck of right femur (needs a 7th character)', '2015-10-01'),
	('S72.001A', true, 'Fracture of unspecified part of neck of right femur, initial encounter', '2015-10-01'),
	('M17.11', true, 'Unilateral primary osteoarthritis, right knee', '2015-10-01'),
	('M1A.0710', true, 'Idiopathic chronic gout, right ankle and foot, without tophus', '2016-10-01'),
	('E78.5', true, 'Hyperlipidemia, unspecified', '2015-10-01'),
	('R73.09', true, 'Other abnormal glucose', '2015-10-01');
INSERT INTO cleanclaim.hcpcs_codes (code, description) VALUES
	('99212', 'office visit, established patient, level 2'), ('99213', 'office visit, established patient, level 3'),
	('99214', 'office visit, established patient, level 4'), ('27236', 'open treatment of femoral neck fracture'),
	('27130', 'total hip arthroplasty'), ('36415', 'routine venipuncture'), ('3074F', 'systolic blood pressure measured'),
	('99284', 'emergency department visit, moderate'), ('85025', 'blood count, complete'),
	('J1885', 'ketorolac tromethamine injection, per 15 mg');
-- (the CPT modifiers, 25 and 59 among them, are those cleanclaim ships)
INSERT INTO cleanclaim.modifiers (modifier, description) VALUES ('LT', 'left side'), ('RT', 'right side');
INSERT INTO cleanclaim.place_of_service (code, name) VALUES ('11', 'Office'), ('22', 'On campus outpatient hospital'), ('23', 'Emergency room');
